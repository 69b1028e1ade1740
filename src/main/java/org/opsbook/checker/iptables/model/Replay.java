package org.opsbook.checker.iptables.model;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What replaying a snippet's commands leaves, the model the lint rules and the packet simulator
 * work on: the rule set (with {@code scope=article}, built on the earlier snippets of the article),
 * the commands of this snippet that iptables accepts and how each call ends, which rules this
 * snippet wrote, the text of the snippet and of the article's other snippets for mentions such as
 * {@code route_localnet}, and the host's addresses as the snippet's {@code host=} attribute gives them.
 *
 * @param own the rules this snippet wrote, compared by identity
 * @param hostAttribute the snippet's {@code host=} value, or {@code null} without one
 */
public record Replay(
    Ruleset ruleset, List<Command> commands, List<Outcome> outcomes, Set<Rule> own, String articleText, String hostAttribute) {
  public Replay {
    commands = List.copyOf(commands);
    outcomes = List.copyOf(outcomes);
    Set<Rule> identity = Collections.newSetFromMap(new IdentityHashMap<>());
    identity.addAll(own);
    own = Collections.unmodifiableSet(identity);
  }

  /** Whether this snippet wrote the rule, rather than an earlier snippet of the article. */
  public boolean isOwn(Rule r) {
    return own.contains(r);
  }
}

package org.opsbook.checker.iptables.rules;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.iptables.model.Ruleset;

/**
 * What a lint rule looks at: the rule set as the snippet (and with {@code scope=article}, the
 * article before it) leaves it, which rules this snippet wrote, and the text of the article's
 * snippets for mentions such as {@code route_localnet}.
 */
public record LintInput(Ruleset ruleset, Set<Rule> own, String articleText, boolean fragment) {
  public LintInput {
    Set<Rule> identity = Collections.newSetFromMap(new IdentityHashMap<>());
    identity.addAll(own);
    own = Collections.unmodifiableSet(identity);
  }

  public static LintInput of(Ruleset ruleset, List<Rule> own, String articleText, boolean fragment) {
    Set<Rule> identity = Collections.newSetFromMap(new IdentityHashMap<>());
    identity.addAll(own);
    return new LintInput(ruleset, identity, articleText, fragment);
  }

  public boolean isOwn(Rule r) {
    return own.contains(r);
  }
}

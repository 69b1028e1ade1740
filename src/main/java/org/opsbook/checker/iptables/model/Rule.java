package org.opsbook.checker.iptables.model;

import java.util.List;
import java.util.Optional;

/**
 * One rule of a chain, with its basic criteria (each {@code null} when absent), its matches in
 * the order written and its target ({@code null} for a rule that only counts).
 *
 * @param line the snippet line where the rule's command starts
 * @param fileLine the same line in the file the author edits (the Markdown line for an article)
 */
public record Rule(
    String table,
    String chain,
    Operand protocol,
    Operand source,
    Operand destination,
    Operand inInterface,
    Operand outInterface,
    boolean fragment,
    List<Match> matches,
    Target target,
    int line,
    int fileLine,
    String text) {

  public Rule {
    matches = List.copyOf(matches);
  }

  public Optional<Match> match(String module) {
    return matches.stream().filter(m -> m.module().equals(module)).findFirst();
  }

  /** The first option of that name in any match: {@code dport} from tcp or udp. */
  public Optional<OptionValue> matchOption(String name) {
    for (Match m : matches) {
      Optional<OptionValue> o = m.option(name);
      if (o.isPresent()) {
        return o;
      }
    }
    return Optional.empty();
  }

  public String targetName() {
    return target == null ? "" : target.name();
  }

  /** The same rule placed into another chain (used by {@code -E} renames). */
  public Rule inChain(String newChain) {
    return new Rule(table, newChain, protocol, source, destination, inInterface, outInterface, fragment, matches, target, line, fileLine, text);
  }
}

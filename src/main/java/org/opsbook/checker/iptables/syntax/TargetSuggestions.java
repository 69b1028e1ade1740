package org.opsbook.checker.iptables.syntax;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opsbook.check.Suggestion;

/**
 * What to tell the author about a {@code -j NAME} that is neither a target nor an existing chain:
 * the verdict or target it was meant to be ({@code ACCPET} is {@code ACCEPT}), the user chain it
 * nearly spells, or else how to create the chain.
 */
final class TargetSuggestions {
  private TargetSuggestions() {}

  static String hint(String name, String table, Collection<String> chains) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (!upper.equals(name) && (Extensions.ALL_TARGET_NAMES.contains(upper) || Extensions.VERDICTS.contains(upper))) {
      return "targets are upper case: -j " + upper;
    }
    List<String> targets = new ArrayList<>(Extensions.VERDICTS);
    Extensions.ALL_TARGET_NAMES.stream().sorted().forEach(targets::add);
    Optional<String> target = Suggestion.closest(upper, targets, 2);
    if (target.isPresent()) {
      return "did you mean " + target.get() + "? (-j " + target.get() + ")";
    }
    List<String> userChains = chains.stream().filter(c -> !Tables.isBuiltin(table, c)).sorted().toList();
    Optional<String> chain = Suggestion.closest(name, userChains, 2);
    if (chain.isPresent()) {
      return "did you mean the chain " + chain.get() + "?";
    }
    return "create the chain first with iptables" + (table.equals("filter") ? "" : " -t " + table) + " -N " + name
        + ", or mark the snippet that creates it scope=article";
  }
}

package org.opsbook.checker.sshd.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.checker.sshd.effective.LoadedConfig;
import java.util.List;
import java.util.Locale;
import org.opsbook.checker.sshd.model.Directive;

/**
 * Base for rules that flag a keyword set to a risky value, wherever it is set (global section or a
 * Match block). Subclasses say which values are risky and what to write instead.
 */
abstract class KeywordValueRule implements Rule<LoadedConfig> {
  private final String keyword;

  KeywordValueRule(String canonicalLowerKeyword) {
    this.keyword = canonicalLowerKeyword;
  }

  /** Whether the (first) argument is a value to flag. */
  abstract boolean isRisky(String value);

  abstract String message(Directive d);

  abstract String hint();

  /** Whether settings inside Match blocks count too. */
  boolean checksMatchBlocks() {
    return true;
  }

  @Override
  public void check(LoadedConfig input, Findings out) {
    java.util.Set<Integer> scopes = new java.util.TreeSet<>();
    for (Directive d : input.config().all(keyword)) {
      if (d.isInMatch() && !checksMatchBlocks()) {
        continue;
      }
      if (!scopes.add(d.block())) {
        continue; // sshd_config(5): the first obtained value wins; later lines are duplicates
      }
      if (!d.args().isEmpty() && isRisky(d.firstValue().toLowerCase(Locale.ROOT))) {
        input.report(out, info(), d, 0, message(d), hint());
      }
    }
  }
}

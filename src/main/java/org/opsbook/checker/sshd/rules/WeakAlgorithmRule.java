package org.opsbook.checker.sshd.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.checker.sshd.effective.LoadedConfig;
import java.util.ArrayList;
import java.util.List;
import org.opsbook.checker.openssh.AlgorithmLists;
import org.opsbook.checker.sshd.model.Directive;

/**
 * Base for rules that flag weak algorithms enabled by an explicit list. The list is expanded as
 * sshd expands it ({@code +}, {@code -}, {@code ^}, wildcards), so {@code +ssh-rsa} and
 * {@code aes*-cbc} are caught too; sshd 9.2's defaults themselves contain nothing flagged.
 */
abstract class WeakAlgorithmRule implements Rule<LoadedConfig> {
  private final List<String> keywords;
  private final List<String> defaults;
  private final List<String> all;

  WeakAlgorithmRule(List<String> keywords, List<String> defaults, List<String> all) {
    this.keywords = keywords;
    this.defaults = defaults;
    this.all = all;
  }

  abstract boolean isWeak(String algorithm);

  /** Why these algorithms are a problem, one sentence. */
  abstract String why();

  abstract String hint();

  @Override
  public void check(LoadedConfig input, Findings out) {
    for (String k : keywords) {
      for (Directive d : input.config().all(k)) {
        List<String> weak = new ArrayList<>();
        for (String a : AlgorithmLists.assemble(d.firstValue(), defaults, all).orElse(List.of())) {
          if (isWeak(a)) {
            weak.add(a);
          }
        }
        if (weak.isEmpty()) {
          continue;
        }
        int column = d.argColumn(0);
        int at = d.firstValue().indexOf(weak.get(0));
        if (at >= 0 && d.rest().startsWith(d.firstValue())) {
          column += at;
        }
        input.reportAt(out, info(), d, column,
            d.keyword() + " enables " + String.join(", ", weak) + ": " + why(), hint(), false);
      }
    }
  }
}

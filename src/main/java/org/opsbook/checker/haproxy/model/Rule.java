package org.opsbook.checker.haproxy.model;

import java.util.List;
import java.util.Optional;

/**
 * One rule of a rule set ({@code http-request}, {@code http-response}, {@code
 * http-after-response}, {@code tcp-request ...}), the old {@code redirect} keyword, or a {@code
 * use_backend} switching rule.
 *
 * @param ruleSet such as {@code http-request} or {@code use_backend}
 * @param action such as {@code set-header}, {@code set-var(txn.x)}; for use_backend the backend
 * @param args the words after the action, up to {@code if} or {@code unless}
 */
public record Rule(Line line, String ruleSet, String action, List<Word> args, Optional<Condition> condition) {
  public Rule {
    args = List.copyOf(args);
  }

  public String arg(int i) {
    return i < args.size() ? args.get(i).text() : "";
  }

  /** Whether the rule applies to every request: no condition at all. */
  public boolean isUnconditional() {
    return condition.isEmpty();
  }

  /** The value after the first occurrence of a keyword argument such as {@code status}, or empty. */
  public Optional<String> option(String name) {
    for (int i = 0; i + 1 < args.size(); i++) {
      if (args.get(i).text().equals(name)) {
        return Optional.of(args.get(i + 1).text());
      }
    }
    return Optional.empty();
  }
}

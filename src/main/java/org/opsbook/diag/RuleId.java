package org.opsbook.diag;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stable name of a rule, {@code <checker>.<kebab-name>} such as {@code sshd.unknown-keyword}.
 * Once released an ID never changes meaning; a rename keeps the old ID as an alias.
 */
public record RuleId(String value) implements Comparable<RuleId> {
  private static final Pattern SHAPE = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*\\.[a-z0-9]+(?:-[a-z0-9]+)*");

  public RuleId {
    Objects.requireNonNull(value, "value");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("rule IDs read <checker>.<kebab-name>: " + value);
    }
  }

  public static RuleId of(String value) {
    return new RuleId(value);
  }

  /** Whether a string has the shape of a rule ID, for validating what authors write. */
  public static boolean isWellFormed(String value) {
    return value != null && SHAPE.matcher(value).matches();
  }

  /** The part before the first dot: the checker that owns the rule. */
  public String checker() {
    return value.substring(0, value.indexOf('.'));
  }

  @Override
  public int compareTo(RuleId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}

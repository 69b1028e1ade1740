package org.opsbook.checker.postfix.engine;

/**
 * The subject of one match, counting every character java.util.regex reads so that a pattern
 * that backtracks catastrophically stops with {@link BudgetExceeded} instead of hanging the build.
 * Not thread-safe; one per match attempt.
 */
final class BoundedText implements CharSequence {
  /** Thrown when the budget is spent; carries no stack trace. */
  static final class BudgetExceeded extends RuntimeException {
    BudgetExceeded() {
      super("match budget exceeded", null, false, false);
    }
  }

  private final String text;
  private long budget;

  BoundedText(String text, long budget) {
    this.text = text;
    this.budget = budget;
  }

  @Override
  public char charAt(int index) {
    if (--budget < 0) {
      throw new BudgetExceeded();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.substring(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}

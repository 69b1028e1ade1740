package org.opsbook.checker.sshd.model;

import java.util.List;

/**
 * A {@code Match} line and, implicitly, the directives after it up to the next Match line or the
 * end of its file (sshd restores the including file's state after an {@code Include}).
 *
 * @param file the index of its file in {@link SshdConfig#files()}
 * @param line the line of the Match keyword in its file
 * @param criteria the criteria, all of which must hold; empty only when the line was bad
 * @param valid whether sshd accepts the line
 * @param enclosing the blocks that governed the {@code Include} lines leading to its file,
 *     outermost first: it can only match when they all do
 */
public record MatchBlock(int file, int line, List<MatchCriterion> criteria, boolean valid, List<Integer> enclosing) {
  public MatchBlock {
    criteria = List.copyOf(criteria);
    enclosing = List.copyOf(enclosing);
  }

  /** Whether this is {@code Match All}, which sshd applies to every connection. */
  public boolean isAll() {
    return criteria.size() == 1 && criteria.get(0).lowerAttribute().equals("all");
  }

  /** The criteria as written, for messages: {@code User alice Address 10.0.0.0/8}. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    for (MatchCriterion c : criteria) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(c.attribute());
      if (!c.pattern().isEmpty()) {
        b.append(' ').append(c.pattern());
      }
    }
    return b.toString();
  }
}

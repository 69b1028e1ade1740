package org.opsbook.checker.sshd.model;

import java.util.List;

/**
 * A {@code Match} line and, implicitly, the directives after it up to the next Match line.
 *
 * @param line the snippet line of the Match keyword
 * @param criteria the criteria, all of which must hold; empty only when the line was bad
 * @param valid whether sshd accepts the line
 */
public record MatchBlock(int line, List<MatchCriterion> criteria, boolean valid) {
  public MatchBlock {
    criteria = List.copyOf(criteria);
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

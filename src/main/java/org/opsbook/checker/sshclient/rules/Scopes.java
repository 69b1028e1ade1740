package org.opsbook.checker.sshclient.rules;

import org.opsbook.checker.sshclient.model.Argument;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.MatchCriterion;

/** Helpers that tell which hosts a block applies to. */
final class Scopes {
  private Scopes() {}

  /**
   * Whether a block (null for the top of the file) applies to every destination: top level,
   * {@code Host *} without negations, or {@code Match all}.
   */
  static boolean appliesToAll(Directive block) {
    if (block == null) {
      return true;
    }
    if (block.isHost()) {
      boolean star = false;
      for (Argument a : block.arguments()) {
        if (a.value().startsWith("!")) {
          return false;
        }
        star |= a.value().equals("*");
      }
      return star;
    }
    if (block.criteria().size() == 1) {
      MatchCriterion c = block.criteria().get(0);
      return c.attribute().equals("all") && !c.negated();
    }
    return false;
  }

  static String describe(Directive block) {
    if (block == null) {
      return "the top of the file";
    }
    return block.keyword() + " " + block.rest() + " (line " + block.line() + ")";
  }
}

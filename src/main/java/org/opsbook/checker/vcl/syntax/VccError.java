package org.opsbook.checker.vcl.syntax;

import java.util.Objects;
import org.opsbook.check.RuleInfo;

/**
 * The first error VCC would stop at. VCC gives up at its first error (its ERRCHK); so does this
 * parser, by throwing this from wherever the error is found up to {@link VclParser}.
 *
 * @param at the token the message points at (VCC's vcc_ErrWhere)
 */
final class VccError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient RuleInfo rule;
  private final transient Token at;
  private final String hint;

  VccError(RuleInfo rule, String message, Token at, String hint) {
    super(message, null, false, false);
    this.rule = Objects.requireNonNull(rule, "rule");
    this.at = Objects.requireNonNull(at, "at");
    this.hint = hint;
  }

  VccError(RuleInfo rule, String message, Token at) {
    this(rule, message, at, null);
  }

  RuleInfo rule() {
    return rule;
  }

  Token at() {
    return at;
  }

  String hint() {
    return hint;
  }
}

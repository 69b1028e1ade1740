package org.opsbook.checker.apache.model;

import java.util.regex.Pattern;
import org.opsbook.checker.apache.expr.Expr;

/**
 * A parsed {@code RewriteCond} (mod_rewrite.c, cmd_rewritecond).
 *
 * @param input the test string, with its {@code %{VAR}}, {@code $N} and {@code %N} unexpanded
 * @param pattern the pattern after {@code !} and the operator
 * @param type how the pattern is applied
 * @param negated written with {@code !}
 * @param noCase {@code [NC]} (dropped by httpd for non-regex, non-string patterns)
 * @param orNext {@code [OR]}
 * @param regex the compiled pattern for {@link Type#REGEX}, or {@code null} when opsbook cannot run it
 * @param expr the parsed expression for {@link Type#EXPR}
 */
public record RewriteCond(String input, String pattern, Type type, boolean negated, boolean noCase, boolean orNext,
    Pattern regex, Expr expr) {

  /** The pattern types of mod_rewrite (CONDPAT_*). */
  public enum Type {
    REGEX, EXPR, FILE_EXISTS, FILE_SIZE, FILE_DIR, FILE_XBIT, FILE_LINK, LOOKUP_URL, LOOKUP_FILE,
    STR_LT, STR_LE, STR_EQ, STR_GT, STR_GE, INT_LT, INT_LE, INT_EQ, INT_GT, INT_GE
  }
}

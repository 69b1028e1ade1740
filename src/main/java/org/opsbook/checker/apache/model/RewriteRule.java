package org.opsbook.checker.apache.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A parsed {@code RewriteRule} (mod_rewrite.c, cmd_rewriterule) with the conditions before it.
 *
 * @param pattern the pattern as written, without a leading {@code !}
 * @param negated written with {@code !}
 * @param regex the compiled pattern, or {@code null} when opsbook cannot run it
 * @param substitution the substitution as written ({@code -} for none); a trailing {@code ?} is removed
 *     when httpd removes it
 * @param flags the flags
 * @param conditions the {@code RewriteCond}s that apply to it, in order
 * @param flagsText the flags field as written, or empty
 */
public record RewriteRule(String pattern, boolean negated, Pattern regex, String substitution, RewriteFlags flags,
    List<RewriteCond> conditions, String flagsText) {
  public RewriteRule {
    conditions = List.copyOf(conditions);
  }

  /** {@code -}: the rule only tests, and may set a status or environment. */
  public boolean noSubstitution() {
    return flags.noSubstitution();
  }
}

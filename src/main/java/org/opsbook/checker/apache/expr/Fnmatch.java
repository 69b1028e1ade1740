package org.opsbook.checker.apache.expr;

import java.util.Locale;
import org.opsbook.check.GlobPattern;

/**
 * apr_fnmatch without flags, as ap_expr's -strmatch and httpd's wildcard names use it: {@code *}
 * any run, {@code ?} one character, {@code [...]} a class, each also matching {@code /};
 * optionally case-insensitive. The matching itself is the kit's {@link GlobPattern#matchesText}.
 */
public final class Fnmatch {
  private Fnmatch() {}

  public static boolean matches(String pattern, String s, boolean ignoreCase) {
    return ignoreCase
        ? GlobPattern.matchesText(pattern.toLowerCase(Locale.ROOT), s.toLowerCase(Locale.ROOT))
        : GlobPattern.matchesText(pattern, s);
  }
}

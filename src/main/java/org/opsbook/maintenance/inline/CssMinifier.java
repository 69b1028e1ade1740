package org.opsbook.maintenance.inline;

/**
 * Removes the whitespace a browser does not need from a stylesheet, so the site's stylesheet fits
 * beside the page in HAProxy's 16 KiB buffer. Conservative on purpose: whitespace runs become one
 * space, and the space next to {@code { } ; ,} goes; quoted strings are copied untouched, and the
 * space before {@code :} stays ({@code a :hover} and {@code a:hover} are different selectors).
 * Comments were already removed by {@link CssInliner}.
 */
final class CssMinifier {
  private static final String TIGHT = "{};,";

  private CssMinifier() {}

  static String minify(String css) {
    StringBuilder out = new StringBuilder(css.length());
    int i = 0;
    while (i < css.length()) {
      char c = css.charAt(i);
      if (c == '"' || c == '\'') {
        int end = endOfString(css, i);
        out.append(css, i, end);
        i = end;
        continue;
      }
      if (Character.isWhitespace(c)) {
        int next = i;
        while (next < css.length() && Character.isWhitespace(css.charAt(next))) {
          next++;
        }
        boolean afterTight = out.length() == 0 || TIGHT.indexOf(out.charAt(out.length() - 1)) >= 0;
        boolean beforeTight = next >= css.length() || TIGHT.indexOf(css.charAt(next)) >= 0;
        if (!afterTight && !beforeTight) {
          out.append(' ');
        }
        i = next;
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /** The index after the closing quote of the string starting at {@code start}; escapes respected. */
  private static int endOfString(String css, int start) {
    char quote = css.charAt(start);
    int i = start + 1;
    while (i < css.length()) {
      char c = css.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      i++;
      if (c == quote || c == '\n') {
        break;
      }
    }
    return Math.min(i, css.length());
  }
}

package org.opsbook.checker.authkeys.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.TokenKind;

/** Highlight tokens for authorized_keys: options, key type, key data, comment. */
public final class AuthorizedKeysHighlighter {
  private AuthorizedKeysHighlighter() {}

  public static List<HighlightToken> highlight(String text) {
    List<HighlightToken> out = new ArrayList<>();
    int offset = 0;
    for (String line : text.split("\n", -1)) {
      line(line, offset, out);
      offset += line.length() + 1;
    }
    return out;
  }

  private static void line(String s, int offset, List<HighlightToken> out) {
    int p = 0;
    while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
      p++;
    }
    if (p >= s.length()) {
      return;
    }
    if (s.charAt(p) == '#') {
      out.add(new HighlightToken(offset + p, offset + s.length(), TokenKind.COMMENT));
      return;
    }
    int end = wordEnd(s, p, false);
    if (!AuthorizedKeysParser.KEY_TYPES.contains(s.substring(p, end))) {
      end = wordEnd(s, p, true);
      options(s, p, end, offset, out);
      p = skip(s, end);
      end = wordEnd(s, p, false);
    }
    if (p < end) {
      out.add(new HighlightToken(offset + p, offset + end, TokenKind.KEYWORD));
    }
    p = skip(s, end);
    end = wordEnd(s, p, false);
    if (p < end) {
      out.add(new HighlightToken(offset + p, offset + end, TokenKind.STRING));
    }
    p = skip(s, end);
    if (p < s.length()) {
      out.add(new HighlightToken(offset + p, offset + s.length(), TokenKind.COMMENT));
    }
  }

  private static void options(String s, int from, int to, int offset, List<HighlightToken> out) {
    int p = from;
    while (p < to) {
      int q = p;
      boolean quoted = false;
      while (q < to && (quoted || s.charAt(q) != ',')) {
        if (s.charAt(q) == '"') {
          quoted = !quoted;
        }
        q++;
      }
      int eq = s.indexOf('=', p);
      if (eq > p && eq < q) {
        out.add(new HighlightToken(offset + p, offset + eq, TokenKind.OPTION));
        if (eq + 1 < q) {
          // "name=" with nothing after it has no value to mark.
          out.add(new HighlightToken(offset + eq + 1, offset + q, TokenKind.STRING));
        }
      } else if (p < q) {
        out.add(new HighlightToken(offset + p, offset + q, TokenKind.OPTION));
      }
      p = q + 1;
    }
  }

  private static int skip(String s, int p) {
    while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
      p++;
    }
    return p;
  }

  private static int wordEnd(String s, int p, boolean quotes) {
    boolean quoted = false;
    while (p < s.length()) {
      char c = s.charAt(p);
      if (!quoted && (c == ' ' || c == '\t')) {
        break;
      }
      if (quotes && c == '"') {
        quoted = !quoted;
      }
      p++;
    }
    return p;
  }
}

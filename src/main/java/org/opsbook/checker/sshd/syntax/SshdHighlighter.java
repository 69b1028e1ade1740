package org.opsbook.checker.sshd.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.TokenKind;

/**
 * Splits sshd_config text into highlight tokens: comments, keywords, Match headers, numbers,
 * addresses, quoted strings and %-tokens. One pass over the characters, no regular expressions.
 */
public final class SshdHighlighter {
  private SshdHighlighter() {}

  public static List<HighlightToken> highlight(String text) {
    List<HighlightToken> out = new ArrayList<>();
    int pos = 0;
    int n = text.length();
    while (pos < n) {
      int end = text.indexOf('\n', pos);
      if (end < 0) {
        end = n;
      }
      line(text, pos, end, out);
      pos = end + 1;
    }
    return out;
  }

  private static void line(String t, int start, int end, List<HighlightToken> out) {
    int i = start;
    while (i < end && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
      i++;
    }
    if (i >= end) {
      return;
    }
    if (t.charAt(i) == '#') {
      out.add(new HighlightToken(i, trimEnd(t, i, end), TokenKind.COMMENT));
      return;
    }
    int kwStart = i;
    while (i < end && " \t=\r".indexOf(t.charAt(i)) < 0) {
      i++;
    }
    boolean match = t.regionMatches(true, kwStart, "match", 0, 5) && i - kwStart == 5;
    if (i > kwStart) {
      // A line may start with '=' (sshd then sees no keyword): no empty token for it.
      out.add(new HighlightToken(kwStart, i, match ? TokenKind.SECTION : TokenKind.KEYWORD));
    }
    while (i < end) {
      char c = t.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r') {
        i++;
      } else if (c == '=') {
        out.add(new HighlightToken(i, i + 1, TokenKind.PUNCTUATION));
        i++;
      } else if (c == '#') {
        out.add(new HighlightToken(i, trimEnd(t, i, end), TokenKind.COMMENT));
        return;
      } else if (c == '"') {
        int close = t.indexOf('"', i + 1);
        int stop = close < 0 || close >= end ? trimEnd(t, i, end) : close + 1;
        out.add(new HighlightToken(i, stop, TokenKind.STRING));
        i = stop;
      } else {
        int s = i;
        while (i < end && " \t\r".indexOf(t.charAt(i)) < 0) {
          i++;
        }
        out.add(new HighlightToken(s, i, match ? matchWordKind(t, s, i) : valueKind(t, s, i)));
      }
    }
  }

  private static int trimEnd(String t, int from, int end) {
    int e = end;
    while (e > from && (t.charAt(e - 1) == '\r' || t.charAt(e - 1) == ' ')) {
      e--;
    }
    return e;
  }

  private static TokenKind matchWordKind(String t, int s, int e) {
    String w = t.substring(s, e).toLowerCase(java.util.Locale.ROOT);
    return MatchLineParser.ATTRIBUTES.contains(w) ? TokenKind.OPTION : valueKind(t, s, e);
  }

  private static TokenKind valueKind(String t, int s, int e) {
    boolean digits = true;
    boolean addressy = true;
    boolean percent = false;
    for (int k = s; k < e; k++) {
      char c = t.charAt(k);
      if (!Character.isDigit(c) && "smhdwSMHDW".indexOf(c) < 0) {
        digits = false;
      }
      if (!Character.isDigit(c) && ".:/[]!,*abcdefABCDEF".indexOf(c) < 0) {
        addressy = false;
      }
      if (c == '%') {
        percent = true;
      }
    }
    if (digits && Character.isDigit(t.charAt(s))) {
      return TokenKind.NUMBER;
    }
    if (percent) {
      return TokenKind.VARIABLE;
    }
    if (addressy && containsAny(t, s, e, ".:") && Character.isLetterOrDigit(t.charAt(s)) || (addressy && t.charAt(s) == '[')) {
      return TokenKind.ADDRESS;
    }
    return TokenKind.VALUE;
  }

  private static boolean containsAny(String t, int s, int e, String chars) {
    for (int k = s; k < e; k++) {
      if (chars.indexOf(t.charAt(k)) >= 0) {
        return true;
      }
    }
    return false;
  }
}

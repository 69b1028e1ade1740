package org.opsbook.checker.postfix.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.TokenKind;

/**
 * Splits table text into highlight tokens: comments, {@code if}/{@code endif}, {@code !},
 * delimiters, the pattern, flags, the action word and {@code $n} references. Stateless.
 */
public final class PostfixHighlighter {
  private PostfixHighlighter() {}

  public static List<HighlightToken> highlight(String text, boolean actions) {
    List<HighlightToken> out = new ArrayList<>();
    int lineStart = 0;
    while (lineStart <= text.length()) {
      int end = text.indexOf('\n', lineStart);
      if (end < 0) {
        end = text.length();
      }
      line(text, lineStart, end, actions, out);
      lineStart = end + 1;
    }
    return out;
  }

  private static void line(String t, int s, int e, boolean actions, List<HighlightToken> out) {
    int first = s;
    while (first < e && Character.isWhitespace(t.charAt(first))) {
      first++;
    }
    if (first >= e) {
      return;
    }
    if (t.charAt(first) == '#') {
      out.add(new HighlightToken(first, e, TokenKind.COMMENT));
      return;
    }
    if (first > s) {
      resultText(t, first, e, out); // a continuation line: more result text
      return;
    }
    int p = s;
    String lower = t.substring(s, Math.min(e, s + 5)).toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("endif")) {
      out.add(new HighlightToken(s, s + 5, TokenKind.KEYWORD));
      return;
    }
    if (lower.startsWith("if") && (e == s + 2 || !Character.isLetterOrDigit(t.charAt(s + 2)))) {
      out.add(new HighlightToken(s, s + 2, TokenKind.KEYWORD));
      p = s + 2;
    }
    p = pattern(t, p, e, out);
    if (p < e && t.charAt(p) == '!') {
      p = pattern(t, p, e, out);
    }
    while (p < e && Character.isWhitespace(t.charAt(p))) {
      p++;
    }
    if (p >= e) {
      return;
    }
    int w = p;
    while (w < e && !Character.isWhitespace(t.charAt(w))) {
      w++;
    }
    out.add(new HighlightToken(p, w, actions ? TokenKind.TARGET : TokenKind.VALUE));
    resultText(t, w, e, out);
  }

  /** Highlights one delimited pattern with its negations and flags; returns the offset after it. */
  private static int pattern(String t, int p, int e, List<HighlightToken> out) {
    while (p < e && (t.charAt(p) == '!' || Character.isWhitespace(t.charAt(p)))) {
      if (t.charAt(p) == '!') {
        out.add(new HighlightToken(p, p + 1, TokenKind.PUNCTUATION));
      }
      p++;
    }
    if (p >= e) {
      return p;
    }
    char d = t.charAt(p);
    out.add(new HighlightToken(p, p + 1, TokenKind.PUNCTUATION));
    int body = p + 1;
    int q = body;
    while (q < e && t.charAt(q) != d) {
      q += t.charAt(q) == '\\' && q + 1 < e ? 2 : 1;
    }
    if (q > body) {
      out.add(new HighlightToken(body, Math.min(q, e), TokenKind.STRING));
    }
    if (q >= e) {
      return e;
    }
    out.add(new HighlightToken(q, q + 1, TokenKind.PUNCTUATION));
    int f = q + 1;
    int g = f;
    while (g < e && !Character.isWhitespace(t.charAt(g)) && t.charAt(g) != '!') {
      g++;
    }
    if (g > f) {
      out.add(new HighlightToken(f, g, TokenKind.OPTION));
    }
    return g;
  }

  private static void resultText(String t, int p, int e, List<HighlightToken> out) {
    int plain = p;
    for (int i = p; i < e; i++) {
      if (t.charAt(i) != '$') {
        continue;
      }
      int j = i + 1;
      if (j < e && t.charAt(j) == '$') {
        i = j;
        continue;
      }
      if (j < e && (t.charAt(j) == '{' || t.charAt(j) == '(')) {
        char close = t.charAt(j) == '{' ? '}' : ')';
        int c = t.indexOf(close, j);
        j = c < 0 || c >= e ? e : c + 1;
      } else {
        while (j < e && (Character.isLetterOrDigit(t.charAt(j)) || t.charAt(j) == '_')) {
          j++;
        }
      }
      if (i > plain) {
        out.add(new HighlightToken(plain, i, TokenKind.VALUE));
      }
      out.add(new HighlightToken(i, j, TokenKind.VARIABLE));
      plain = j;
      i = j - 1;
    }
    if (e > plain) {
      out.add(new HighlightToken(plain, e, TokenKind.VALUE));
    }
  }
}

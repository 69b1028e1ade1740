package org.opsbook.checker.apache.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.TokenKind;

/**
 * Highlighting for Apache configuration, one physical line at a time: comment lines, the
 * directive or section name, quoted strings, variables ({@code ${VAR}}, {@code %{VAR}},
 * {@code $1}, {@code %1}), numbers and rewrite flag fields. Linear in the text; tokens are
 * ordered and do not overlap. Pure.
 */
public final class ApacheHighlighter {
  private ApacheHighlighter() {}

  public static List<HighlightToken> highlight(String text) {
    List<HighlightToken> out = new ArrayList<>();
    int lineStart = 0;
    boolean continued = false;
    boolean commentContinues = false;
    while (lineStart <= text.length()) {
      int nl = text.indexOf('\n', lineStart);
      int end = nl < 0 ? text.length() : nl;
      int contentEnd = end > lineStart && text.charAt(end - 1) == '\r' ? end - 1 : end;
      boolean endsWithBackslash = contentEnd > lineStart && text.charAt(contentEnd - 1) == '\\';
      int i = lineStart;
      while (i < contentEnd && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      if (commentContinues || (!continued && i < contentEnd && text.charAt(i) == '#')) {
        if (i < contentEnd) {
          out.add(new HighlightToken(i, contentEnd, TokenKind.COMMENT));
        }
        commentContinues = endsWithBackslash;
      } else {
        line(text, i, contentEnd, !continued, out);
        commentContinues = false;
      }
      continued = endsWithBackslash;
      if (nl < 0) {
        break;
      }
      lineStart = nl + 1;
    }
    return out;
  }

  private static void line(String t, int from, int end, boolean startsDirective, List<HighlightToken> out) {
    int i = from;
    if (startsDirective && i < end) {
      int j = i;
      while (j < end && !Character.isWhitespace(t.charAt(j))) {
        j++;
      }
      if (j > i) {
        out.add(new HighlightToken(i, j, t.charAt(i) == '<' ? TokenKind.SECTION : TokenKind.KEYWORD));
      }
      i = j;
    }
    while (i < end) {
      char c = t.charAt(i);
      if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < end && t.charAt(j) != c) {
          j += t.charAt(j) == '\\' && j + 1 < end ? 2 : 1;
        }
        j = Math.min(end, j + 1);
        out.add(new HighlightToken(i, j, TokenKind.STRING));
        i = j;
      } else if ((c == '$' || c == '%') && i + 1 < end && t.charAt(i + 1) == '{') {
        int close = t.indexOf('}', i + 2);
        int j = close < 0 || close >= end ? end : close + 1;
        out.add(new HighlightToken(i, j, TokenKind.VARIABLE));
        i = j;
      } else if ((c == '$' || c == '%') && i + 1 < end && Character.isDigit(t.charAt(i + 1))) {
        out.add(new HighlightToken(i, i + 2, TokenKind.VARIABLE));
        i += 2;
      } else if (c == '[' && (i == 0 || Character.isWhitespace(t.charAt(i - 1)))) {
        int close = t.indexOf(']', i);
        int j = close < 0 || close >= end ? end : close + 1;
        out.add(new HighlightToken(i, j, TokenKind.OPTION));
        i = j;
      } else if (c == '>' && i + 1 == end) {
        out.add(new HighlightToken(i, end, TokenKind.SECTION));
        i = end;
      } else if (Character.isDigit(c) && (i == 0 || Character.isWhitespace(t.charAt(i - 1)))) {
        int j = i;
        while (j < end && Character.isDigit(t.charAt(j))) {
          j++;
        }
        if (j == end || Character.isWhitespace(t.charAt(j)) || t.charAt(j) == '>') {
          out.add(new HighlightToken(i, j, TokenKind.NUMBER));
        }
        i = j;
      } else {
        i++;
      }
    }
  }
}

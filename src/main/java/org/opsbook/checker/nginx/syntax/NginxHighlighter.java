package org.opsbook.checker.nginx.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.TokenKind;

/**
 * Highlights nginx configuration from the lexer's own spans: the first word of a directive is a
 * keyword ({@code server}, {@code location} and the other block openers a section), quoted words
 * strings, numbers and sizes numbers, {@code $variables} variables, comments and punctuation. The
 * lexer reads each character once, so any input takes linear time; text after a syntax error is
 * left plain. Stateless.
 */
public final class NginxHighlighter {
  private NginxHighlighter() {}

  public static List<HighlightToken> highlight(String text) {
    List<HighlightToken> out = new ArrayList<>();
    boolean first = true;
    for (Span s : NginxParser.spans(text)) {
      switch (s.type()) {
        case COMMENT -> out.add(new HighlightToken(s.start(), s.end(), TokenKind.COMMENT));
        case PUNCTUATION -> {
          out.add(new HighlightToken(s.start(), s.end(), TokenKind.PUNCTUATION));
          first = true;
        }
        case WORD -> {
          String w = text.substring(s.start(), s.end());
          TokenKind kind;
          if (first) {
            kind = isSection(w) ? TokenKind.SECTION : TokenKind.KEYWORD;
            first = false;
          } else if (s.quoted()) {
            kind = TokenKind.STRING;
          } else if (w.startsWith("$")) {
            kind = TokenKind.VARIABLE;
          } else if (isNumber(w)) {
            kind = TokenKind.NUMBER;
          } else {
            kind = TokenKind.VALUE;
          }
          out.add(new HighlightToken(s.start(), s.end(), kind));
        }
      }
    }
    return out;
  }

  private static boolean isSection(String w) {
    return switch (w) {
      case "http", "events", "server", "location", "upstream", "if", "map", "geo", "types", "limit_except",
          "stream", "mail", "split_clients" -> true;
      default -> false;
    };
  }

  /** A size or time as nginx writes them: digits, then at most one unit letter, or "ms". */
  static boolean isNumber(String w) {
    int digits = 0;
    while (digits < w.length() && w.charAt(digits) >= '0' && w.charAt(digits) <= '9') {
      digits++;
    }
    if (digits == 0) {
      return false;
    }
    String unit = w.substring(digits);
    return unit.isEmpty() || unit.equals("ms") || unit.length() == 1 && "kKmMgGsShdwy".indexOf(unit.charAt(0)) >= 0;
  }
}

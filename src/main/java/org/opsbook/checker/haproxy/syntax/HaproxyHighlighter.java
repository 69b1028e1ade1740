package org.opsbook.checker.haproxy.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.TokenKind;
import org.opsbook.checker.haproxy.model.SectionKind;
import org.opsbook.checker.haproxy.model.Word;

/**
 * Highlights HAProxy configuration from the reader's own word positions: section keywords as
 * sections, the first word of a statement (and {@code if}/{@code unless}) as keywords, ACL flags
 * ({@code -m}, {@code -i}) as options, quoted words as strings, times and sizes as numbers,
 * addresses, {@code %[...]} expressions as variables, braces and {@code !} as punctuation, and
 * comments. Each line is read once, so any input takes linear time. Stateless.
 */
public final class HaproxyHighlighter {
  private static final Pattern NUMBER = Pattern.compile("[0-9]+(us|ms|s|m|h|d|k|K|M|G)?");
  private static final Pattern ADDRESS = Pattern.compile(
      "(\\*|[0-9]{1,3}(\\.[0-9]{1,3}){3}|\\[?[0-9a-fA-F:]*:[0-9a-fA-F:.]*\\]?)?(:[0-9]+(-[0-9]+)?)?(/[0-9]{1,3})?");

  private HaproxyHighlighter() {}

  public static List<HighlightToken> highlight(String text) {
    List<HighlightToken> out = new ArrayList<>();
    int offset = 0;
    int number = 0;
    for (String line : text.split("\n", -1)) {
      number++;
      LineLexer.Lexed lexed = LineLexer.lex(line, new LineLexer.Place("", number, ""));
      boolean first = true;
      int end = 0;
      for (Word w : lexed.words()) {
        int start = w.column() - 1;
        int stop = Math.min(w.end() - 1, line.length());
        if (start >= stop || start < end) {
          continue;
        }
        if (lexed.failed() && stop > lexed.errorColumn() - 1) {
          break;
        }
        out.add(new HighlightToken(offset + start, offset + stop, kind(w, first)));
        end = stop;
        first = false;
      }
      if (!lexed.failed() && lexed.commentColumn() > 0 && lexed.commentColumn() - 1 >= end) {
        out.add(new HighlightToken(offset + lexed.commentColumn() - 1, offset + line.length(), TokenKind.COMMENT));
      }
      offset += line.length() + 1;
    }
    return out;
  }

  private static TokenKind kind(Word w, boolean first) {
    String t = w.text();
    if (first) {
      return SectionKind.of(t).isPresent() ? TokenKind.SECTION : TokenKind.KEYWORD;
    }
    if (w.quoted()) {
      return TokenKind.STRING;
    }
    if (t.equals("if") || t.equals("unless")) {
      return TokenKind.KEYWORD;
    }
    if (t.equals("{") || t.equals("}") || t.equals("!") || t.equals("||") || t.equals("or")) {
      return TokenKind.PUNCTUATION;
    }
    if (t.startsWith("-") && t.length() > 1 && Character.isLetter(t.charAt(1))) {
      return TokenKind.OPTION;
    }
    if (t.contains("%[") || t.startsWith("%")) {
      return TokenKind.VARIABLE;
    }
    if (NUMBER.matcher(t).matches()) {
      return TokenKind.NUMBER;
    }
    if (t.length() > 1 && (t.indexOf(':') >= 0 || t.indexOf('.') > 0 || t.indexOf('/') > 0)
        && ADDRESS.matcher(t).matches()) {
      return TokenKind.ADDRESS;
    }
    return TokenKind.VALUE;
  }
}

package org.opsbook.checker.sshclient.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.checker.openssh.ArgvSplit;
import org.opsbook.checker.sshclient.model.Argument;

/**
 * Splits one ssh_config line the way readconf.c does: the keyword ends at whitespace, a double
 * quote or a single {@code =}; the rest is split into arguments honouring single and double quotes
 * and backslash escapes, and a token starting with {@code #} ends the line.
 */
final class ConfigLineLexer {
  private static final String WHITESPACE = " \t\r\n";

  private ConfigLineLexer() {}

  /** What one line holds. {@code keyword} is null for blank and comment lines. */
  record Lexed(
      String keyword,
      int keywordColumn,
      String rest,
      int restColumn,
      List<Argument> arguments,
      boolean missingArgument,
      boolean badQuotes) {}

  static Lexed lex(String rawLine) {
    String line = stripTrailing(rawLine);
    if (line.isEmpty()) {
      return blank();
    }
    Cursor cursor = new Cursor(line);
    Token keyword = cursor.next();
    if (keyword != null && keyword.text().isEmpty()) {
      keyword = cursor.next();
    }
    if (keyword == null || keyword.text().isEmpty() || keyword.text().charAt(0) == '#') {
      return blank();
    }
    int restStart = cursor.position();
    if (restStart >= 0) {
      while (restStart < line.length() && WHITESPACE.indexOf(line.charAt(restStart)) >= 0) {
        restStart++;
      }
    }
    if (restStart < 0 || restStart >= line.length()) {
      return new Lexed(keyword.text(), keyword.column(), "", line.length() + 1, List.of(), true, false);
    }
    String rest = line.substring(restStart);
    List<Argument> args = new ArrayList<>();
    boolean ok = splitArguments(rest, restStart, args);
    return new Lexed(keyword.text(), keyword.column(), rest, restStart + 1, args, false, !ok);
  }

  private static Lexed blank() {
    return new Lexed(null, 0, "", 0, List.of(), false, false);
  }

  // readconf.c strips trailing whitespace and form feeds, but never the first character.
  private static String stripTrailing(String line) {
    int end = line.length();
    while (end > 1 && (WHITESPACE + "\f").indexOf(line.charAt(end - 1)) >= 0) {
      end--;
    }
    return line.substring(0, end);
  }

  /**
   * misc.c argv_split with comments ending the line, into {@code out} with 1-based columns.
   *
   * @return false on an unterminated quote
   */
  static boolean splitArguments(String s, int offset, List<Argument> out) {
    ArgvSplit split = ArgvSplit.of(s);
    for (ArgvSplit.Word w : split.words()) {
      out.add(new Argument(w.text(), offset + w.index() + 1));
    }
    return split.quotesClosed();
  }

  /** A token and its 1-based column. */
  record Token(String text, int column) {}

  /**
   * misc.c strdelim over a line: tokens end at whitespace, a double quote or one {@code =}. The
   * position becomes -1 (ssh's NULL) once the line is used up without a delimiter.
   */
  static final class Cursor {
    private final String s;
    private int pos;

    Cursor(String s) {
      this.s = s;
      this.pos = 0;
    }

    Cursor(String s, int start) {
      this.s = s;
      this.pos = start;
    }

    int position() {
      return pos;
    }

    Token next() {
      if (pos < 0) {
        return null;
      }
      int old = pos;
      int delim = -1;
      for (int i = pos; i < s.length(); i++) {
        char c = s.charAt(i);
        if (WHITESPACE.indexOf(c) >= 0 || c == '"' || c == '=') {
          delim = i;
          break;
        }
      }
      if (delim < 0) {
        pos = -1;
        return new Token(s.substring(old), old + 1);
      }
      if (s.charAt(delim) == '"') {
        int close = s.indexOf('"', delim + 1);
        if (close < 0) {
          pos = -1;
          return null;
        }
        String text = s.substring(old, delim) + s.substring(delim + 1, close);
        pos = skipWhitespace(close + 1);
        return new Token(text, old + 1);
      }
      boolean sawEquals = s.charAt(delim) == '=';
      String text = s.substring(old, delim);
      pos = skipWhitespace(delim + 1);
      if (!sawEquals && pos < s.length() && s.charAt(pos) == '=') {
        pos = skipWhitespace(pos + 1);
      }
      return new Token(text, old + 1);
    }

    private int skipWhitespace(int i) {
      while (i < s.length() && WHITESPACE.indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      return i;
    }
  }
}

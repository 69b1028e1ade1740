package org.opsbook.checker.nginx.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits nginx configuration text into directives the way ngx_conf_read_token() does
 * (nginx: src/core/ngx_conf_file.c): words end at white space, {@code ;} or {@code {}; a quote
 * opens a quoted word only at the start of a word, and after the closing quote only white space,
 * {@code ;}, {@code {} or {@code )} may follow; {@code #} starts a comment only at the start of a
 * word; a backslash hides the next character from all of this; {@code {} right after {@code $}
 * belongs to the word ({@code ${var}}); a {@code }} is a brace only at the start of a word. Lines
 * are counted at each line feed, as nginx counts them.
 *
 * <p>Not thread-safe; one instance per text.
 */
final class NginxLexer {
  /** nginx: NGX_CONF_BUFFER, the read buffer a single word must fit in. */
  static final int BUFFER = 4096;

  private final String text;
  private int pos;
  private int line = 1;
  private int lineStart;
  private final List<Span> spans = new ArrayList<>();

  NginxLexer(String text) {
    this.text = text;
  }

  /** Everything read so far, for highlighting. */
  List<Span> spans() {
    return spans;
  }

  Statement next() {
    List<Word> words = new ArrayList<>();
    boolean needSpace = false;
    boolean lastSpace = true;
    boolean variable = false;
    boolean dQuoted = false;
    boolean sQuoted = false;
    int start = pos;
    int startLine = line;
    int startColumn = 1;
    while (true) {
      if (pos >= text.length()) {
        if (!words.isEmpty() || !lastSpace) {
          if (!lastSpace && pos - start >= BUFFER) {
            return tooLong(start, startLine, dQuoted, sQuoted);
          }
          return error("unexpected end of file, expecting \";\" or \"}\"", line);
        }
        return new Statement(Statement.Kind.END, List.of(), line, 1, null);
      }
      if (!lastSpace && pos - start >= BUFFER) {
        return tooLong(start, startLine, dQuoted, sQuoted);
      }
      char ch = text.charAt(pos++);
      if (ch == '\n') {
        line++;
        lineStart = pos;
      }
      if (needSpace) {
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
          lastSpace = true;
          needSpace = false;
          continue;
        }
        if (ch == ';') {
          punctuation(pos - 1);
          return new Statement(Statement.Kind.SIMPLE, words, line, column(pos - 1), null);
        }
        if (ch == '{') {
          punctuation(pos - 1);
          return new Statement(Statement.Kind.BLOCK_START, words, line, column(pos - 1), null);
        }
        if (ch == ')') {
          lastSpace = true;
          needSpace = false;
        } else {
          return error("unexpected \"" + ch + "\"", line);
        }
      }
      if (lastSpace) {
        start = pos - 1;
        startLine = line;
        startColumn = column(start);
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
          continue;
        }
        switch (ch) {
          case ';', '{' -> {
            if (words.isEmpty()) {
              return error("unexpected \"" + ch + "\"", line);
            }
            punctuation(pos - 1);
            return new Statement(ch == '{' ? Statement.Kind.BLOCK_START : Statement.Kind.SIMPLE, words, line,
                column(pos - 1), null);
          }
          case '}' -> {
            if (!words.isEmpty()) {
              return error("unexpected \"}\"", line);
            }
            punctuation(pos - 1);
            return new Statement(Statement.Kind.BLOCK_DONE, List.of(), line, column(pos - 1), null);
          }
          case '#' -> {
            int end = text.indexOf('\n', pos);
            end = end < 0 ? text.length() : end;
            spans.add(new Span(pos - 1, end, Span.Type.COMMENT, false));
            pos = end;
            continue;
          }
          case '\\' -> {
            lastSpace = false;
            // The escaped character is skipped, whatever it is.
            if (pos < text.length()) {
              if (text.charAt(pos) == '\n') {
                line++;
                lineStart = pos + 1;
              }
              pos++;
            }
            continue;
          }
          case '"' -> {
            dQuoted = true;
            lastSpace = false;
            continue;
          }
          case '\'' -> {
            sQuoted = true;
            lastSpace = false;
            continue;
          }
          case '$' -> {
            variable = true;
            lastSpace = false;
            continue;
          }
          default -> lastSpace = false;
        }
      } else {
        if (ch == '{' && variable) {
          continue;
        }
        variable = false;
        if (ch == '\\') {
          if (pos < text.length()) {
            if (text.charAt(pos) == '\n') {
              line++;
              lineStart = pos + 1;
            }
            pos++;
          }
          continue;
        }
        if (ch == '$') {
          variable = true;
          continue;
        }
        boolean found = false;
        int end = pos - 1;
        if (dQuoted) {
          if (ch == '"') {
            dQuoted = false;
            needSpace = true;
            found = true;
            end = pos;
          }
        } else if (sQuoted) {
          if (ch == '\'') {
            sQuoted = false;
            needSpace = true;
            found = true;
            end = pos;
          }
        } else if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == ';' || ch == '{') {
          lastSpace = true;
          found = true;
        }
        if (found) {
          boolean quoted = text.charAt(start) == '"' || text.charAt(start) == '\'';
          int from = quoted ? start + 1 : start;
          int to = quoted ? end - 1 : end;
          words.add(new Word(unescape(text, from, to), start, end, startLine, startColumn, quoted));
          spans.add(new Span(start, end, Span.Type.WORD, quoted));
          if (ch == ';') {
            punctuation(pos - 1);
            return new Statement(Statement.Kind.SIMPLE, words, line, column(pos - 1), null);
          }
          if (ch == '{') {
            punctuation(pos - 1);
            return new Statement(Statement.Kind.BLOCK_START, words, line, column(pos - 1), null);
          }
        }
      }
    }
  }

  private Statement tooLong(int start, int startLine, boolean dQuoted, boolean sQuoted) {
    if (dQuoted || sQuoted) {
      return error("too long parameter, probably missing terminating \"" + (dQuoted ? '"' : '\'') + "\" character",
          startLine);
    }
    return error("too long parameter \"" + text.substring(start, Math.min(text.length(), start + 10))
        + "...\" started", startLine);
  }

  private void punctuation(int at) {
    spans.add(new Span(at, at + 1, Span.Type.PUNCTUATION, false));
  }

  private int column(int offset) {
    return offset - text.lastIndexOf('\n', offset - 1);
  }

  private Statement error(String message, int errorLine) {
    return new Statement(Statement.Kind.ERROR, List.of(), errorLine, Math.max(1, pos - lineStart), message);
  }

  /** nginx's unescaping of a word: {@code \" \' \\} lose the backslash, {@code \t \r \n} become controls. */
  static String unescape(String text, int from, int to) {
    StringBuilder out = new StringBuilder(Math.max(0, to - from));
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < to) {
        char n = text.charAt(i + 1);
        switch (n) {
          case '"', '\'', '\\' -> {
            out.append(n);
            i += 2;
            continue;
          }
          case 't' -> {
            out.append('\t');
            i += 2;
            continue;
          }
          case 'r' -> {
            out.append('\r');
            i += 2;
            continue;
          }
          case 'n' -> {
            out.append('\n');
            i += 2;
            continue;
          }
          default -> {
            // any other escaped character keeps its backslash
          }
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }
}

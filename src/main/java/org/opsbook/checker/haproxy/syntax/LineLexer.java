package org.opsbook.checker.haproxy.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.checker.haproxy.model.Word;

/**
 * Splits one configuration line into words as HAProxy 2.6 does (tools.c parse_line, called by
 * cfgparse.c readcfgfile with environment variables, both quotes, backslashes and comments on):
 * words end at unquoted blanks; {@code #} outside quotes starts a comment; single quotes protect
 * everything; double quotes protect blanks and {@code #} and expand {@code $NAME}, {@code ${NAME}},
 * {@code ${NAME-default}} and {@code ${NAME[*]}}; a backslash escapes a blank, itself, {@code #}
 * and the quotes, and writes {@code \t}, {@code \n}, {@code \r} and {@code \xNN}. The environment
 * is taken as empty, as a clean {@code haproxy -c} sees it, except the pseudo-variables
 * {@code .LINE}, {@code .FILE} and {@code .SECTION}. Stateless.
 */
final class LineLexer {
  /** HAProxy's MAX_LINE_ARGS: a line holds at most this many words. */
  static final int MAX_WORDS = 64;

  private LineLexer() {}

  /** What one line holds: its words (empty ones included), where its comment starts, or its error. */
  record Lexed(List<Word> words, int commentColumn, String error, int errorColumn) {
    boolean failed() {
      return error != null;
    }
  }

  /** Facts the pseudo-variables need. */
  record Place(String file, int line, String section) {}

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\u000b' || c == '\f';
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAlnum(char c) {
    return isAlpha(c) || (c >= '0' && c <= '9');
  }

  static Lexed lex(String line, Place place) {
    List<Word> words = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n && (isBlank(line.charAt(i)) || line.charAt(i) == '\r' || line.charAt(i) == '\n')) {
      i++;
    }
    StringBuilder out = new StringBuilder();
    int start = i;
    boolean quoted = false;
    boolean dynamic = false;
    boolean squote = false;
    boolean dquote = false;
    int quoteAt = -1;
    int comment = -1;
    while (true) {
      char c = i < n ? line.charAt(i) : '\0';
      if (c == '\0' || c == '\n' || c == '\r') {
        break;
      } else if (c == '#' && !squote && !dquote) {
        comment = i + 1;
        break;
      } else if (c == '"' && !squote) {
        dquote = !dquote;
        quoteAt = dquote ? i : -1;
        quoted = true;
        i++;
      } else if (c == '\'' && !dquote) {
        squote = !squote;
        quoteAt = squote ? i : -1;
        quoted = true;
        i++;
      } else if (c == '\\' && !squote) {
        char next = i + 1 < n ? line.charAt(i + 1) : '\0';
        char send = c;
        switch (next) {
          case ' ', '\\' -> {
            send = next;
            i++;
          }
          case 't' -> {
            send = '\t';
            i++;
          }
          case 'n' -> {
            send = '\n';
            i++;
          }
          case 'r' -> {
            send = '\r';
            i++;
          }
          case '#', '\'', '"' -> {
            send = next;
            i++;
          }
          case '$' -> {
            if (dquote) {
              send = next;
              i++;
            }
          }
          case 'x' -> {
            if (i + 3 >= n || !isHex(line.charAt(i + 2)) || !isHex(line.charAt(i + 3))) {
              return failed(words, "truncated or invalid hexadecimal sequence", i + 1);
            }
            send = (char) Integer.parseInt(line.substring(i + 2, i + 4), 16);
            i += 3;
          }
          default -> {
            // other combinations are not escape sequences: the backslash stays
          }
        }
        i++;
        out.append(send);
      } else if (isBlank(c) && !squote && !dquote) {
        words.add(new Word(out.toString(), start + 1, i + 1, quoted, dynamic));
        while (i < n && (isBlank(line.charAt(i)) || line.charAt(i) == '\r' || line.charAt(i) == '\n')) {
          i++;
        }
        out.setLength(0);
        start = i;
        quoted = false;
        dynamic = false;
        if (words.size() >= MAX_WORDS) {
          return failed(words, "too many words, truncating after word " + MAX_WORDS, i + 1);
        }
      } else if (c == '$' && dquote) {
        i++;
        int brace = -1;
        if (i < n && line.charAt(i) == '{') {
          brace = i++;
        }
        char first = i < n ? line.charAt(i) : '\0';
        if (!isAlpha(first) && first != '_' && first != '.') {
          return failed(words, "forbidden first char in environment variable name", i + 1);
        }
        int nameStart = i;
        if (first == '.') {
          i++;
        }
        while (i < n && (isAlnum(line.charAt(i)) || line.charAt(i) == '_')) {
          i++;
        }
        String name = line.substring(nameStart, i);
        String value = null;
        if (name.startsWith(".")) {
          switch (name) {
            case ".LINE" -> value = Integer.toString(place.line());
            case ".FILE" -> value = place.file();
            case ".SECTION" -> value = place.section();
            default -> {
              return failed(words, "forbidden first char in environment variable name", nameStart + 1);
            }
          }
        } else {
          dynamic = true;
        }
        if (i < n && line.charAt(i) == '[' && brace >= 0) {
          int expand = i;
          if (i + 2 >= n || line.charAt(i + 1) != '*' || line.charAt(i + 2) != ']') {
            return failed(words, "truncated or invalid word expansion sequence", expand + 1);
          }
          i += 3;
        }
        if (brace >= 0) {
          if (i < n && line.charAt(i) == '-') {
            int def = i + 1;
            while (i < n && line.charAt(i) != '}') {
              i++;
            }
            if (i >= n) {
              return failed(words, "unmatched brace in environment variable name", brace + 1);
            }
            if (value == null) {
              value = line.substring(def, i);
            }
          } else if (i >= n || line.charAt(i) != '}') {
            return failed(words, "unmatched brace in environment variable name", brace + 1);
          }
          i++;
        }
        if (value != null) {
          out.append(value);
        }
      } else {
        out.append(c);
        i++;
      }
    }
    words.add(new Word(out.toString(), start + 1, Math.max(start + 1, i + 1), quoted, dynamic));
    if (squote || dquote) {
      return failed(words, "unmatched quote", quoteAt + 1);
    }
    return new Lexed(words, comment, null, 0);
  }

  private static Lexed failed(List<Word> words, String message, int column) {
    return new Lexed(words, -1, message, column);
  }
}

package org.opsbook.checker.sshd.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.checker.openssh.ArgvSplit;
import org.opsbook.checker.sshd.model.Arg;

/**
 * Splits one sshd_config line the way OpenSSH does: servconf.c strips the line, misc.c strdelim()
 * takes the keyword (ending at white space, a quote or one {@code =}), and argv_split() splits the
 * rest into arguments honouring double and single quotes, backslash escapes and a {@code #} that
 * starts a word. Columns are 1-based and count UTF-16 units of the original line.
 */
final class LineLexer {

  private LineLexer() {}

  static LexedLine lex(String line) {
    // servconf.c load_server_config(): leading " \t\r" go; process_server_config_line(): trailing
    // white space and form feeds go, which is also what makes CRLF files work.
    int start = 0;
    int end = line.length();
    while (start < end && " \t\r".indexOf(line.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && " \t\r\n\f".indexOf(line.charAt(end - 1)) >= 0) {
      end--;
    }
    if (start == end) {
      return LexedLine.BLANK;
    }
    int i = start;
    StringBuilder keyword = new StringBuilder();
    while (i < end && " \t\r\n\"=".indexOf(line.charAt(i)) < 0) {
      keyword.append(line.charAt(i));
      i++;
    }
    if (i < end && line.charAt(i) == '"') {
      // strdelim(): a quote glues the quoted text onto the word; without a closing quote sshd
      // sees no keyword at all and skips the line.
      int close = line.indexOf('"', i + 1);
      if (close < 0 || close >= end) {
        return LexedLine.BLANK;
      }
      keyword.append(line, i + 1, close);
      i = close + 1;
    } else if (i < end && line.charAt(i) == '=') {
      i++;
      i = skipWhite(line, i, end);
    } else {
      i = skipWhite(line, i, end);
      if (i < end && line.charAt(i) == '=') {
        i = skipWhite(line, i + 1, end);
      }
    }
    if (keyword.length() == 0 || keyword.charAt(0) == '#') {
      return LexedLine.BLANK;
    }
    String rest = line.substring(i, end);
    return new LexedLine(keyword.toString(), start + 1, rest, i + 1, split(rest, i + 1));
  }

  private static int skipWhite(String line, int i, int end) {
    while (i < end && " \t\r\n".indexOf(line.charAt(i)) >= 0) {
      i++;
    }
    return i;
  }

  /** misc.c argv_split(s, terminate_on_comment=1); {@code null} when a quote is not closed. */
  static List<Arg> split(String s, int baseColumn) {
    ArgvSplit split = ArgvSplit.of(s);
    if (!split.quotesClosed()) {
      return null;
    }
    List<Arg> args = new ArrayList<>();
    for (ArgvSplit.Word w : split.words()) {
      args.add(new Arg(w.text(), baseColumn + w.index()));
    }
    return args;
  }

  /**
   * misc.c strdelim() applied repeatedly, as match_cfg_line() reads a Match line: words end at
   * white space or one {@code =}, double quotes group, and a word starting with {@code #} ends the
   * line. Returns the words with their columns; an unclosed quote ends the list.
   */
  static List<Arg> matchWords(String s, int baseColumn) {
    List<Arg> words = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      int startWord = i;
      StringBuilder w = new StringBuilder();
      while (i < n && " \t\r\n\"=".indexOf(s.charAt(i)) < 0) {
        w.append(s.charAt(i));
        i++;
      }
      boolean sawEquals = false;
      if (i < n && s.charAt(i) == '"') {
        int close = s.indexOf('"', i + 1);
        if (close < 0) {
          break;
        }
        w.append(s, i + 1, close);
        i = close + 1;
      } else if (i < n && s.charAt(i) == '=') {
        sawEquals = true;
        i++;
      }
      if (w.length() == 0 && !sawEquals) {
        break;
      }
      words.add(new Arg(w.toString(), baseColumn + startWord));
      while (i < n && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      if (!sawEquals && i < n && s.charAt(i) == '=') {
        i++;
        while (i < n && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
          i++;
        }
      }
    }
    return words;
  }
}

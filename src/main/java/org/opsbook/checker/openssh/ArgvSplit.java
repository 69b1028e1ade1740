package org.opsbook.checker.openssh;

import java.util.ArrayList;
import java.util.List;

/**
 * misc.c argv_split(s, terminate_on_comment=1), which servconf.c and readconf.c both use for the
 * arguments after a keyword: blanks and tabs separate words, single and double quotes group, a
 * backslash escapes a quote, a backslash or (outside quotes) a blank, and a word starting with
 * {@code #} ends the line. The keyword itself (misc.c strdelim) is each lexer's own business.
 *
 * @param words the words in order, an unterminated last word included
 * @param quotesClosed false when the line ends inside a quote, which both programs reject
 */
public record ArgvSplit(List<Word> words, boolean quotesClosed) {

  /** One word and the 0-based index in the split string where its text starts. */
  public record Word(String text, int index) {}

  public ArgvSplit {
    words = List.copyOf(words);
  }

  /** Splits {@code s} as argv_split() does. */
  public static ArgvSplit of(String s) {
    List<Word> words = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
        continue;
      }
      if (c == '#') {
        break;
      }
      int start = i;
      char quote = 0;
      StringBuilder word = new StringBuilder();
      for (; i < n; i++) {
        c = s.charAt(i);
        if (c == '\\' && i + 1 < n) {
          char next = s.charAt(i + 1);
          if (next == '\'' || next == '"' || next == '\\' || (quote == 0 && next == ' ')) {
            i++;
            word.append(next);
          } else {
            word.append(c);
          }
        } else if (quote == 0 && (c == ' ' || c == '\t')) {
          break;
        } else if (quote == 0 && (c == '"' || c == '\'')) {
          quote = c;
        } else if (quote != 0 && c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      }
      words.add(new Word(word.toString(), start));
      if (quote != 0) {
        return new ArgvSplit(words, false);
      }
    }
    return new ArgvSplit(words, true);
  }
}

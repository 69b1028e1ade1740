package org.opsbook.checker.sshd.syntax;

import java.util.List;
import org.opsbook.checker.sshd.model.Arg;

/**
 * One line after sshd's splitting: blank and comment lines have no keyword.
 *
 * @param keyword the keyword as written, or {@code null} for blank and comment lines
 * @param keywordColumn its 1-based column
 * @param rest the text after the keyword separator, trailing white space removed
 * @param restColumn where {@code rest} starts
 * @param args the arguments split as sshd's argv_split does, or {@code null} for unbalanced quotes
 */
record LexedLine(String keyword, int keywordColumn, String rest, int restColumn, List<Arg> args) {

  static final LexedLine BLANK = new LexedLine(null, 0, "", 0, List.of());

  boolean isBlank() {
    return keyword == null;
  }

  boolean hasBadQuotes() {
    return args == null;
  }
}

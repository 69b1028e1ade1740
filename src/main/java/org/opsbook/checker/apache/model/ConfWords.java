package org.opsbook.checker.apache.model;

import java.util.ArrayList;
import java.util.List;

/**
 * httpd's word splitting of directive arguments ({@code ap_getword_conf} in util.c): words are
 * separated by white space; a word that starts with {@code "} or {@code '} runs to the same quote
 * (or the end of the line), and inside it a backslash escapes that quote or a backslash. An
 * unquoted word keeps its backslashes except before another backslash. Pure functions.
 */
public final class ConfWords {
  private ConfWords() {}

  /**
   * One word of an argument string.
   *
   * @param value the word with quotes removed and escapes resolved
   * @param start offset of its first character (the opening quote, if any) in the string
   * @param end offset just after it (the closing quote included)
   * @param quoted whether it was written in quotes
   */
  public record Word(String value, int start, int end, boolean quoted) {}

  /** Every word of {@code args}, in order. */
  public static List<Word> split(String args) {
    List<Word> out = new ArrayList<>();
    int i = skipSpace(args, 0);
    while (i < args.length()) {
      Word w = next(args, i);
      out.add(w);
      i = skipSpace(args, w.end());
    }
    return out;
  }

  /** The word starting at or after {@code from}; an empty word at the end of the string. */
  public static Word next(String s, int from) {
    int i = skipSpace(s, from);
    if (i >= s.length()) {
      return new Word("", s.length(), s.length(), false);
    }
    char quote = s.charAt(i);
    if (quote == '"' || quote == '\'') {
      int j = i + 1;
      StringBuilder value = new StringBuilder();
      while (j < s.length() && s.charAt(j) != quote) {
        char c = s.charAt(j);
        if (c == '\\' && j + 1 < s.length() && (s.charAt(j + 1) == quote || s.charAt(j + 1) == '\\')) {
          value.append(s.charAt(j + 1));
          j += 2;
        } else {
          value.append(c);
          j++;
        }
      }
      int end = j < s.length() ? j + 1 : j;
      return new Word(value.toString(), i, end, true);
    }
    int j = i;
    StringBuilder value = new StringBuilder();
    while (j < s.length() && !isSpace(s.charAt(j))) {
      char c = s.charAt(j);
      if (c == '\\' && j + 1 < s.length() && s.charAt(j + 1) == '\\') {
        value.append('\\');
        j += 2;
      } else {
        value.append(c);
        j++;
      }
    }
    return new Word(value.toString(), i, j, false);
  }

  /** apr_isspace: space, tab, line feed, vertical tab, form feed, carriage return. */
  public static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
  }

  public static int skipSpace(String s, int from) {
    int i = from;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}

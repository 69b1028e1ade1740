package org.opsbook.checker.sshd.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One {@code Keyword arguments} line.
 *
 * @param line the 1-based snippet line
 * @param keyword the keyword's canonical name from the catalogue ({@code KbdInteractiveAuthentication}
 *     for the alias {@code ChallengeResponseAuthentication})
 * @param written the keyword as written in the file
 * @param keywordColumn where the keyword starts
 * @param args the arguments as sshd splits them (comments dropped)
 * @param rest the raw text after the keyword and its separator, as ForceCommand takes it
 * @param restColumn where {@code rest} starts
 * @param block the index of the Match block the line sits in, or {@code -1} for the global section
 */
public record Directive(
    int line, String keyword, String written, int keywordColumn, List<Arg> args, String rest, int restColumn, int block) {

  public Directive {
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(written, "written");
    Objects.requireNonNull(rest, "rest");
    args = List.copyOf(args);
  }

  /** The keyword in lower case, as sshd compares it. */
  public String lowerKeyword() {
    return keyword.toLowerCase(Locale.ROOT);
  }

  public boolean isInMatch() {
    return block >= 0;
  }

  /** The first argument's text, or the empty string when there is none. */
  public String firstValue() {
    return args.isEmpty() ? "" : args.get(0).text();
  }

  /** The column of argument {@code i}, or of the end of the keyword when it is missing. */
  public int argColumn(int i) {
    return i < args.size() ? args.get(i).column() : keywordColumn + written.length();
  }
}

package org.opsbook.checker.sshd.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One {@code Keyword arguments} line, in the order sshd reads it (included files where their
 * {@code Include} stands).
 *
 * @param file the index of its file in {@link SshdConfig#files()}
 * @param line the 1-based line in its file
 * @param keyword the keyword's canonical name from the catalogue ({@code KbdInteractiveAuthentication}
 *     for the alias {@code ChallengeResponseAuthentication})
 * @param written the keyword as written in the file
 * @param keywordColumn where the keyword starts
 * @param args the arguments as sshd splits them (comments dropped)
 * @param rest the raw text after the keyword and its separator, as ForceCommand takes it
 * @param restColumn where {@code rest} starts
 * @param chain the Match blocks it sits under, outermost first, as indexes into {@link
 *     SshdConfig#blocks()}: its own file's block, after those of the {@code Include} lines that led
 *     to its file; empty for the global section. It applies to a connection when every one of
 *     them matches.
 */
public record Directive(int file, int line, String keyword, String written, int keywordColumn, List<Arg> args,
    String rest, int restColumn, List<Integer> chain) {

  public Directive {
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(written, "written");
    Objects.requireNonNull(rest, "rest");
    args = List.copyOf(args);
    chain = List.copyOf(chain);
  }

  /** The keyword in lower case, as sshd compares it. */
  public String lowerKeyword() {
    return keyword.toLowerCase(Locale.ROOT);
  }

  public boolean isInMatch() {
    return !chain.isEmpty();
  }

  /** The innermost Match block it sits under, or -1 in the global section. */
  public int block() {
    return chain.isEmpty() ? -1 : chain.get(chain.size() - 1);
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

package org.opsbook.checker.sshclient.model;

import java.util.List;
import java.util.Objects;

/**
 * One non-blank, non-comment line of ssh_config.
 *
 * @param line 1-based line in the snippet
 * @param column 1-based column of the keyword
 * @param keyword the keyword as written
 * @param name the keyword in lower case, as ssh looks it up
 * @param arguments the arguments after quote and escape removal, up to a {@code #} comment
 * @param rest the raw text after the keyword and its separator (what ProxyCommand keeps)
 * @param restColumn the column where {@code rest} starts
 * @param criteria the parsed criteria of a {@code Match} line, empty otherwise
 * @param wellFormed false when the line has no argument or an unterminated quote (already
 *     reported by the parser, so nothing else is checked on it)
 */
public record Directive(
    int line,
    int column,
    String keyword,
    String name,
    List<Argument> arguments,
    String rest,
    int restColumn,
    List<MatchCriterion> criteria,
    boolean wellFormed) {

  public Directive {
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rest, "rest");
    arguments = List.copyOf(arguments);
    criteria = List.copyOf(criteria);
  }

  public boolean isHost() {
    return name.equals("host");
  }

  public boolean isMatch() {
    return name.equals("match");
  }

  /** Whether this line opens a new block. */
  public boolean isBlockStart() {
    return isHost() || isMatch();
  }

  /** The first argument's value, or the empty string. */
  public String firstValue() {
    return arguments.isEmpty() ? "" : arguments.get(0).value();
  }

  /** The column of argument {@code i}, or of the keyword when there is no such argument. */
  public int argumentColumn(int i) {
    return i < arguments.size() ? arguments.get(i).column() : column;
  }
}

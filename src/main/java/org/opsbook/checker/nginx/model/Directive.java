package org.opsbook.checker.nginx.model;

import java.util.List;
import java.util.Objects;

/**
 * One directive: its name, arguments and, for a block directive, the directives inside.
 *
 * @param name the first word, as written (nginx matches names case-sensitively)
 * @param args the words after the name
 * @param block the directives between the braces, or {@code null} for a simple directive
 * @param line 1-based line of the name
 * @param column 1-based column of the name
 * @param endLine the line of the {@code ;} or {@code {} that ends the directive, where nginx
 *     reports problems with it
 * @param closeLine for a block, the line of its closing brace (where nginx reports problems found
 *     while merging the block); otherwise {@link #endLine}
 * @param source the file it was read from
 */
public record Directive(String name, List<Arg> args, List<Directive> block, int line, int column, int endLine,
    int closeLine, Source source) {
  public Directive {
    Objects.requireNonNull(name, "name");
    args = List.copyOf(args);
    block = block == null ? null : List.copyOf(block);
    Objects.requireNonNull(source, "source");
  }

  public boolean isBlock() {
    return block != null;
  }

  /** The value of argument {@code i} (0-based, after the name), or {@code ""} when absent. */
  public String arg(int i) {
    return i < args.size() ? args.get(i).value() : "";
  }

  /** The same directive with other block contents (after includes are expanded). */
  public Directive withBlock(List<Directive> children) {
    return new Directive(name, args, children, line, column, endLine, closeLine, source);
  }

  /** The directives of the block, or an empty list for a simple directive. */
  public List<Directive> children() {
    return block == null ? List.of() : block;
  }

  /** The directives named {@code n} directly inside this block. */
  public List<Directive> children(String n) {
    return children().stream().filter(d -> d.name.equals(n)).toList();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(name);
    for (Arg a : args) {
      s.append(' ').append(a.value());
    }
    return s.toString();
  }
}

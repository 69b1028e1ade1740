package org.opsbook.checker.sshd.effective;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The configuration sshd would use for one connection, as the lines {@code sshd -T} prints: lower
 * case keyword, a space, the value. Keywords that take several lines (port, hostkey, allowusers...)
 * appear several times, in sshd's order.
 */
public record EffectiveConfig(List<Line> lines) {

  /** One output line. */
  public record Line(String keyword, String value) {
    public Line {
      Objects.requireNonNull(keyword, "keyword");
      Objects.requireNonNull(value, "value");
    }
  }

  public EffectiveConfig {
    lines = List.copyOf(lines);
  }

  /** Every value printed for a keyword (lower case), in order; empty if sshd prints none. */
  public List<String> values(String keyword) {
    List<String> out = new ArrayList<>();
    for (Line l : lines) {
      if (l.keyword().equals(keyword)) {
        out.add(l.value());
      }
    }
    return out;
  }

  /** Reads back what {@link #render()} wrote: a line's first word is its keyword, the rest its value. */
  public static EffectiveConfig read(String text) {
    List<Line> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0) {
        lines.add(new Line(line.substring(0, space), line.substring(space + 1)));
      }
    }
    return new EffectiveConfig(lines);
  }

  /** The text {@code sshd -T} would print, each line ending in a newline. */
  public String render() {
    StringBuilder b = new StringBuilder();
    for (Line l : lines) {
      b.append(l.keyword()).append(' ').append(l.value()).append('\n');
    }
    return b.toString();
  }
}

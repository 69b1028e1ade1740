package org.opsbook.checker.sshclient.effective;

import java.util.ArrayList;
import java.util.List;

/** The resolved client configuration: {@code keyword value} lines in {@code ssh -G} order. */
public record EffectiveConfig(List<Line> lines) {
  /** One output line; keywords may repeat (identityfile, localforward...). */
  public record Line(String keyword, String value) {}

  public EffectiveConfig {
    lines = List.copyOf(lines);
  }

  /** Every value printed for a keyword (lower case), in order; empty when ssh prints no line. */
  public List<String> values(String keyword) {
    List<String> out = new ArrayList<>();
    for (Line l : lines) {
      if (l.keyword().equalsIgnoreCase(keyword)) {
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

  /** The text {@code ssh -G} prints, one line per entry, ending with a newline. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (Line l : lines) {
      sb.append(l.keyword()).append(' ').append(l.value()).append('\n');
    }
    return sb.toString();
  }
}

package org.opsbook.checker.haproxy.model;

import java.util.List;

/**
 * A section as HAProxy reads it: the line that opens it and the statements up to the next section
 * keyword or the end of its file.
 *
 * @param name the word after the section keyword, or empty
 */
public record Section(SectionKind kind, String name, Line header, List<Line> lines) {
  public Section {
    lines = List.copyOf(lines);
  }
}

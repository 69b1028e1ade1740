package org.opsbook.checker.haproxy.syntax;

import java.util.List;
import org.opsbook.checker.haproxy.model.Section;

/**
 * A configuration file as HAProxy's reader splits it: its sections in order, with the lines that
 * conditional blocks drop left out, and what the reader itself reported.
 *
 * @param complete false when the reader stopped before the end of the text, as HAProxy does after
 *     some errors; the sections then hold only what came before
 */
public record ParsedText(List<Section> sections, List<Problem> problems, boolean complete) {
  public ParsedText {
    sections = List.copyOf(sections);
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> !p.warning());
  }
}

package org.opsbook.checker.haproxy.model;

import java.util.List;

/** A {@code bind} line: its address list as written and the options after it. */
public record Bind(Line line, String addresses, List<Word> options) {
  public Bind {
    options = List.copyOf(options);
  }

  public boolean has(String option) {
    return options.stream().anyMatch(w -> w.text().equals(option));
  }
}

package org.opsbook.checker.haproxy.model;

import java.util.List;

/** A {@code server} line: its name, address as written and the options after it. */
public record Server(Line line, String name, String address, List<Word> options) {
  public Server {
    options = List.copyOf(options);
  }

  public boolean has(String option) {
    return options.stream().anyMatch(w -> w.text().equals(option));
  }
}

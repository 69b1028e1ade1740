package org.opsbook.checker.postfix.model;

import java.util.List;
import java.util.Objects;

/** A table as Postfix keeps it after reading: the rules it did not skip, in order. */
public record Table(TableKind kind, List<TableRule> rules) {
  public Table {
    Objects.requireNonNull(kind, "kind");
    rules = List.copyOf(rules);
  }
}

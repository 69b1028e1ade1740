package org.opsbook.checker.postfix.model;

import java.util.List;
import java.util.Objects;

/**
 * A table as Postfix keeps it after reading: the rules it did not skip, in order, with the map
 * type that read them and the use the table is put to.
 *
 * @param firstLine the line of the edited file that holds the table's first line, so that traces
 *     name rules by the lines the author sees (rule lines themselves count from 1)
 */
public record Table(TableKind kind, TableUse use, List<TableRule> rules, int firstLine) {
  public Table {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(use, "use");
    rules = List.copyOf(rules);
  }

  /** The line of the edited file of a table line. */
  public int fileLine(int line) {
    return firstLine + line - 1;
  }
}

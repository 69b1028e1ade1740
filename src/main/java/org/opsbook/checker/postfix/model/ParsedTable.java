package org.opsbook.checker.postfix.model;

import java.util.List;

/** A parsed table and what Postfix would have warned about or skipped while reading it. */
public record ParsedTable(Table table, List<Finding> findings) {
  public ParsedTable {
    findings = List.copyOf(findings);
  }
}

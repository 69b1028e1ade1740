package org.opsbook.checker.postfix.model;

/** What a table is used for, which decides how its results are read. */
public enum TableUse {
  /** A plain lookup table (access maps, transport maps...): results are opaque text. */
  LOOKUP,
  /** header_checks, mime_header_checks, nested_header_checks: results are actions on one logical header. */
  HEADER,
  /** body_checks: results are actions on one body line. */
  BODY;

  /** Whether results are header_checks(5) actions. */
  public boolean hasActions() {
    return this != LOOKUP;
  }
}

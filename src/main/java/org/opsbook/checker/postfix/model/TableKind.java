package org.opsbook.checker.postfix.model;

/** The two Postfix regular-expression map types. */
public enum TableKind {
  /** {@code pcre:} tables, pcre_table(5), compiled by PCRE2. */
  PCRE("pcre"),
  /** {@code regexp:} tables, regexp_table(5), compiled by the C library's POSIX regcomp(). */
  REGEXP("regexp");

  private final String mapType;

  TableKind(String mapType) {
    this.mapType = mapType;
  }

  /** The map type as written in main.cf and in postmap's messages: {@code pcre} or {@code regexp}. */
  public String mapType() {
    return mapType;
  }
}

package org.opsbook.check;

import java.util.Locale;

/** The classes of highlighted text the theme styles; each maps to a CSS class {@code tok-<name>}. */
public enum TokenKind {
  /** A directive or command keyword: {@code PermitRootLogin}, {@code -A}, {@code REPLACE}. */
  KEYWORD,
  /** A block header such as {@code Match User alice} or {@code *filter}. */
  SECTION,
  /** An option name: {@code --dport}, {@code -j}. */
  OPTION,
  /** A plain value. */
  VALUE,
  /** A literal string, a quoted value or a regular expression. */
  STRING,
  /** A number, a port, a duration. */
  NUMBER,
  /** An address, a CIDR, a host name. */
  ADDRESS,
  /** A target, action or verdict word: {@code ACCEPT}, {@code DROP}, {@code IGNORE}. */
  TARGET,
  /** A variable or token that is substituted: {@code $EXT_IF}, {@code %u}, {@code $1}. */
  VARIABLE,
  /** Punctuation and operators: {@code =}, {@code !}, {@code /}. */
  PUNCTUATION,
  /** A comment. */
  COMMENT,
  /** A shell prompt that the copy button leaves out. */
  PROMPT;

  // Made once: every highlighted token of every snippet asks for it.
  private final String cssClass = "tok-" + name().toLowerCase(Locale.ROOT);

  public String cssClass() {
    return cssClass;
  }
}

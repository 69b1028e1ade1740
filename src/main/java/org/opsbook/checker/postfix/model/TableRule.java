package org.opsbook.checker.postfix.model;

/** One logical line of a table that Postfix kept: a match rule, an {@code if} or an {@code endif}. */
public sealed interface TableRule permits MatchRule, IfRule, EndifRule, UnsupportedRule {
  /** The snippet line where the logical line starts (Postfix reports this line number). */
  int line();
}

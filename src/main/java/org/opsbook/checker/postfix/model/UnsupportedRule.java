package org.opsbook.checker.postfix.model;

/**
 * A rule Postfix keeps but this model cannot evaluate faithfully. A lookup that reaches it has no
 * provable answer.
 *
 * @param opensIf whether the rule is an {@code if} (so that its {@code endif} still pairs up)
 * @param endifIndex for an {@code if}, the index of its endif, or -1
 */
public record UnsupportedRule(int line, int column, String why, boolean opensIf, int endifIndex)
    implements TableRule {}

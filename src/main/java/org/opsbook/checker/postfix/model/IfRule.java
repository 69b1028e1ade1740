package org.opsbook.checker.postfix.model;

/**
 * {@code if /pattern/flags}: the rules up to the matching {@code endif} see the input only when
 * the pattern matches.
 *
 * @param endifIndex the index in the table of the matching endif, or -1 when there is none
 *     (Postfix then stops the whole lookup when the condition fails)
 */
public record IfRule(int line, RegexSpec pattern, int endifIndex) implements TableRule {}

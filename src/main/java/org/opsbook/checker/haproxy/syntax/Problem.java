package org.opsbook.checker.haproxy.syntax;

/**
 * Something HAProxy's reader says about a line before any section parser sees it.
 *
 * @param line the 1-based line
 * @param column the 1-based column it points at
 * @param message HAProxy's words, without the {@code parsing [file:line] :} prefix
 * @param warning whether HAProxy warns (true) or refuses the file (false)
 */
public record Problem(int line, int column, String message, boolean warning) {}

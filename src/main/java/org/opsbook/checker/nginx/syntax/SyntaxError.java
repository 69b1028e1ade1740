package org.opsbook.checker.nginx.syntax;

/** The first thing nginx's reader refuses in a text, where nginx reports it. */
public record SyntaxError(String message, int line, int column) {}

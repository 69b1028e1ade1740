package org.opsbook.checker.nginx.syntax;

/**
 * A word as the lexer read it: its unescaped value and where its raw text lies.
 *
 * @param start UTF-16 offset of its first character (an opening quote included)
 * @param end offset after its last character (a closing quote included)
 */
record Word(String value, int start, int end, int line, int column, boolean quoted) {}

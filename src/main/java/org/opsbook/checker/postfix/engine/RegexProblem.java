package org.opsbook.checker.postfix.engine;

/**
 * Why a pattern cannot be used.
 *
 * @param rejected {@code true} when the real regex library rejects the pattern (Postfix skips the
 *     rule); {@code false} when the pattern is valid but this model cannot reproduce it faithfully
 * @param offset the offset in the pattern body (in characters) the problem refers to
 */
public record RegexProblem(boolean rejected, int offset, String message) {}

package org.opsbook.checker.apache.model;

import org.opsbook.checker.apache.expr.Expr;

/**
 * A parsed {@code Header} or {@code RequestHeader} (mod_headers.c, header_inout_cmd).
 *
 * @param request a RequestHeader
 * @param always {@code Header always} (the table sent with error responses too)
 * @param action set, setifempty, add, append, merge, unset, echo, edit, edit*, note (lower case)
 * @param header the header name (anything after a {@code :} dropped, as httpd does)
 * @param value the value or, for edit, the regex; {@code null} for unset and echo
 * @param replacement for edit, the substitution
 * @param early the {@code early} condition
 * @param envVar for {@code env=VAR} or {@code env=!VAR}, the text after {@code env=}
 * @param condition for {@code expr=...}, the parsed condition
 * @param valueIsExpression the value starts with {@code expr=} (a string expression)
 */
public record HeaderAction(boolean request, boolean always, String action, String header, String value,
    String replacement, boolean early, String envVar, Expr condition, boolean valueIsExpression) {}

/** httpd's expression language (ap_expr): scanner, parser and evaluator, as in util_expr_*.c. */
package org.opsbook.checker.apache.expr;

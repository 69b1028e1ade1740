/**
 * VCL as VCC, Varnish's compiler, reads it: lexer, symbol table, typed expressions, statements,
 * declarations and the checks VCC makes once the whole program is read, behind {@link
 * org.opsbook.checker.vcl.syntax.VclParser}.
 */
package org.opsbook.checker.vcl.syntax;

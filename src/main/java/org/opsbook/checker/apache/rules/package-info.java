/** Lint rules over a checked configuration: things httpd accepts that do not do what was meant. */
package org.opsbook.checker.apache.rules;

/** Readers for Postfix table text and result text, behind public parsers. */
package org.opsbook.checker.postfix.syntax;

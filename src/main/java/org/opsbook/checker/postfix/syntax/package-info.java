/** Readers for Postfix table text, replacement text and test blocks, behind public parsers. */
package org.opsbook.checker.postfix.syntax;

/** The rule catalogue and the lint rules that look at a whole table. */
package org.opsbook.checker.postfix.rules;

/** Lint rules over parsed authorized_keys lines, one class per rule. */
package org.opsbook.checker.authkeys.rules;

/** Lint rules over a parsed rule set: what iptables accepts but the author probably did not mean. */
package org.opsbook.checker.iptables.rules;

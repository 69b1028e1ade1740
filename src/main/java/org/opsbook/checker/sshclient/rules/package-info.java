/** Lint rules over a parsed ssh_config, one class per rule. */
package org.opsbook.checker.sshclient.rules;

/** The ssh_config rule catalogue and the lint rules over a parsed file, one class per rule. */
package org.opsbook.checker.sshclient.rules;

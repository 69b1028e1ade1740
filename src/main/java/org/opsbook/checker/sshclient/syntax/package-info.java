/** Splits ssh_config text into directives with the same lexical rules as ssh's readconf.c. */
package org.opsbook.checker.sshclient.syntax;

/** The checker for the OpenSSH client configuration language, {@code ssh_config}. */
package org.opsbook.checker.sshclient;

/** The sshd_config checker: OpenSSH server configuration, checked the way sshd itself reads it. */
package org.opsbook.checker.sshd;

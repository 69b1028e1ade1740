/** Logic that sshd, ssh and authorized_keys share because OpenSSH itself shares it (match.c). */
package org.opsbook.checker.openssh;

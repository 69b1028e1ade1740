/**
 * What sshd, ssh and authorized_keys share because OpenSSH itself shares it: pattern matching
 * (match.c), address lists (addr.c, addrmatch.c), algorithm names and lists, release numbers,
 * service names and the keyword states of servconf.c and readconf.c.
 */
package org.opsbook.checker.openssh;

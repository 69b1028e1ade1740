/** What OpenSSH's sshd knows: keywords per release, their argument types and algorithm names. */
package org.opsbook.checker.sshd.catalogue;

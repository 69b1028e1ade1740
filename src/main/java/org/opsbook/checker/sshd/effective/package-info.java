/** The executable model: the effective configuration for one connection, as {@code sshd -T -C} prints it. */
package org.opsbook.checker.sshd.effective;

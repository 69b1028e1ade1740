/** The checker for sshd's authorized_keys files: key lines, their options and who they let in. */
package org.opsbook.checker.authkeys;

/** Reads authorized_keys lines as sshd does: options, key type, base64 blob and comment. */
package org.opsbook.checker.authkeys.syntax;

/** sshd's lexical rules and argument checks, behind {@link org.opsbook.checker.sshd.syntax.SshdParser}. */
package org.opsbook.checker.sshd.syntax;

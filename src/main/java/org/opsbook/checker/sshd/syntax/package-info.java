/** sshd's lexical rules, argument checks and Include, behind {@link org.opsbook.checker.sshd.syntax.SshdParser}. */
package org.opsbook.checker.sshd.syntax;

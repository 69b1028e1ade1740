/** Rule descriptions and the security rules that run on a parsed sshd_config, one class per rule. */
package org.opsbook.checker.sshd.rules;

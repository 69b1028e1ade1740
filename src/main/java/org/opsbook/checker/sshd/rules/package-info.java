/** The sshd_config rule catalogue and the rules that run on a loaded configuration, one class per rule. */
package org.opsbook.checker.sshd.rules;

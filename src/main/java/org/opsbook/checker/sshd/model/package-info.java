/** Parsed sshd_config as immutable records: directives, arguments and Match blocks. */
package org.opsbook.checker.sshd.model;

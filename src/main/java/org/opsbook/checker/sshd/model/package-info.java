/** A loaded sshd_config as immutable records: its files, directives, Match blocks, and where findings go. */
package org.opsbook.checker.sshd.model;

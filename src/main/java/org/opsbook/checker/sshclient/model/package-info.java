/** Immutable records for a parsed ssh_config file: its directives and Match criteria. */
package org.opsbook.checker.sshclient.model;

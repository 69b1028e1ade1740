/** Immutable records for a parsed ssh_config file and the findings about it. */
package org.opsbook.checker.sshclient.model;

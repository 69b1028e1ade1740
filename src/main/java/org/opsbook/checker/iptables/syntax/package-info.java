/**
 * Reads iptables scripts and save files and replays them, as the shell, iptables 1.8 and the
 * kernel would, into the model, reporting what iptables itself refuses. {@link
 * org.opsbook.checker.iptables.syntax.IptablesParser} is the way in.
 */
package org.opsbook.checker.iptables.syntax;

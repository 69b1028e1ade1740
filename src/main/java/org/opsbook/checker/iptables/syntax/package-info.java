/** Reads iptables command lines and save files into the model, reporting what iptables itself refuses. */
package org.opsbook.checker.iptables.syntax;

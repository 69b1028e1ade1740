/** The iptables checker: command lines and save files as articles write them, checked against iptables 1.8. */
package org.opsbook.checker.iptables;

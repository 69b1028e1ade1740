/** Immutable records for parsed iptables rules, chains and tables, and the replay of a snippet. */
package org.opsbook.checker.iptables.model;

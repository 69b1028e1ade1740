/** Immutable records for parsed iptables rules, chains and tables. */
package org.opsbook.checker.iptables.model;

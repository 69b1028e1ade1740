package org.opsbook.checker.iptables.model;

/**
 * A basic rule criterion such as {@code -s 10.0.0.0/8} or {@code ! -i eth0}.
 *
 * @param value the argument as written
 * @param negated whether {@code !} came before the option
 * @param at the option word, for positions
 */
public record Operand(String value, boolean negated, Word at) {}

package org.opsbook.checker.postfix.model;

/** {@code endif}, closing the innermost open {@code if}. */
public record EndifRule(int line) implements TableRule {}

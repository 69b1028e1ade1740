package org.opsbook.checker.haproxy.model;

/**
 * A value a proxy has, with the line that set it (in the proxy itself or in the defaults it
 * inherits from), such as a timeout or the mode.
 */
public record Setting<T>(T value, Line line) {}

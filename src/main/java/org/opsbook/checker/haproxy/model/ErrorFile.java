package org.opsbook.checker.haproxy.model;

/** An {@code errorfile} line: the status it replaces and the file holding the raw response. */
public record ErrorFile(Line line, int status, String path) {}

package org.opsbook.checker.iptables.model;

/**
 * What opsbook predicts for one iptables call (or, for a save file, one {@code COMMIT}ted table):
 * accepted or refused. The differential test compares these with the real program.
 *
 * @param line the snippet line where the call starts
 * @param accepted whether iptables would accept it
 */
public record Outcome(int line, boolean accepted) {}

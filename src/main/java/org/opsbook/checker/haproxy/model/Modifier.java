package org.opsbook.checker.haproxy.model;

/** The prefix HAProxy strips from a line before its keyword: none, {@code no} or {@code default}. */
public enum Modifier {
  NONE, NO, DEFAULT
}

package org.opsbook.checker.sshd.catalog;

/** How sshd treats a keyword it recognises, from its keyword table in servconf.c. */
public enum KeywordStatus {
  /** Parsed and used. */
  ACTIVE,
  /** Another name for an active keyword; sshd treats it exactly like {@link Keyword#canonical()}. */
  ALIAS,
  /** Accepted with an "Deprecated option" log line, then ignored. */
  DEPRECATED,
  /** Accepted silently and ignored (only {@code Protocol}). */
  IGNORED,
  /** Known to sshd but compiled out of this build: an "Unsupported option" log line, then ignored. */
  UNSUPPORTED,
  /** Parsed, but setting it makes sshd on Linux exit ({@code RDomain}). */
  PLATFORM_UNSUPPORTED
}

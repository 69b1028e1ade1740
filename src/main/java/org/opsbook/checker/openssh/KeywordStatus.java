package org.opsbook.checker.openssh;

/**
 * How sshd or ssh treats a keyword it recognises, from the keyword tables of servconf.c and
 * readconf.c (with Debian's patches). Each checker uses the states its program has.
 */
public enum KeywordStatus {
  /** Parsed and used. */
  ACTIVE,
  /** Another name for an active keyword, read exactly like it. */
  ALIAS,
  /** Accepted and ignored ({@code sDeprecated}, {@code oDeprecated}): sshd logs "Deprecated option". */
  DEPRECATED,
  /** Accepted and silently ignored ({@code sIgnore}, {@code oIgnore}): {@code Protocol}. */
  IGNORED,
  /** Known but compiled out ({@code sUnsupported}, {@code oUnsupported}): "Unsupported option". */
  UNSUPPORTED,
  /** Parsed, but setting it makes sshd on Linux exit ({@code RDomain}). */
  PLATFORM_UNSUPPORTED,
  /** Only in builds with a distribution's patch (Debian's GSSAPI key exchange); upstream refuses it. */
  VENDOR
}

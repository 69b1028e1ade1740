package org.opsbook.checker.sshclient.catalog;

/** What ssh does with a keyword it recognises. */
public enum KeywordStatus {
  /** Parsed and used. */
  ACTIVE,
  /** An old name for another keyword; works, but the new name is clearer. */
  ALIAS,
  /** readconf.c oDeprecated: accepted and ignored, logged only at debug level. */
  DEPRECATED,
  /** readconf.c oIgnore: accepted and silently ignored ({@code Protocol}). */
  IGNORED,
  /** readconf.c oUnsupported: ssh prints "Unsupported option" and carries on without it. */
  UNSUPPORTED,
  /** Only in vendor builds (Debian's GSSAPI key-exchange patch); upstream ssh rejects it. */
  VENDOR
}

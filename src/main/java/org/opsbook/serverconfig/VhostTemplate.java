package org.opsbook.serverconfig;

/** Writes a virtual host for one web server. Output is plain text, {@code \n} line ends, deterministic. */
public interface VhostTemplate {
  /** The name given to {@code opsbook server-config}: {@code nginx}, {@code apache}. */
  String name();

  /** The configuration; the options must have no {@link VhostOptions#problems()}. */
  String render(VhostOptions options);
}

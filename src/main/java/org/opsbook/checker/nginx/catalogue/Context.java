package org.opsbook.checker.nginx.catalogue;

import java.util.Locale;

/**
 * Where a directive may stand: nginx's NGX_*_CONF command types, plus the blocks whose contents
 * are not directives but entries read by the block's own handler ({@code types}, {@code map},
 * {@code geo}, {@code split_clients}, {@code charset_map}).
 */
public enum Context {
  MAIN("main"), EVENTS("events"), HTTP("http"), SERVER("server"), LOCATION("location"),
  /** {@code if} in a server (NGX_HTTP_SIF_CONF). */
  SIF("if in server"),
  /** {@code if} in a location (NGX_HTTP_LIF_CONF). */
  LIF("if in location"),
  LIMIT_EXCEPT("limit_except"), UPSTREAM("upstream"),
  STREAM("stream"), STREAM_SERVER("stream server"), STREAM_UPSTREAM("stream upstream"),
  MAIL("mail"), MAIL_SERVER("mail server"),
  /** Entries of a block read by its own handler; never a directive context. */
  ENTRIES("entries");

  private final String label;

  Context(String label) {
    this.label = label;
  }

  /** How the README and messages name it. */
  public String label() {
    return label;
  }

  /** The context of a word in directives.tsv. */
  static Context ofWord(String word) {
    return switch (word) {
      case "sif" -> SIF;
      case "lif" -> LIF;
      default -> valueOf(word.toUpperCase(Locale.ROOT));
    };
  }

  /** Whether this is inside the http block (where http variables and modules apply). */
  public boolean isHttp() {
    return switch (this) {
      case HTTP, SERVER, LOCATION, SIF, LIF, LIMIT_EXCEPT, UPSTREAM -> true;
      default -> false;
    };
  }
}

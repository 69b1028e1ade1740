package org.opsbook.checker.apache.catalogue;

import java.util.Locale;

/**
 * The override bits of httpd's command table (http_config.h): where a directive may appear.
 * {@code OR_*} classes are the ones {@code AllowOverride} names; {@code ACCESS_CONF} is inside
 * {@code <Directory>}/{@code <Location>}/{@code <Files>}, {@code RSRC_CONF} outside them.
 */
public final class Overrides {
  public static final int OR_LIMIT = 1;
  public static final int OR_OPTIONS = 2;
  public static final int OR_FILEINFO = 4;
  public static final int OR_AUTHCFG = 8;
  public static final int OR_INDEXES = 16;
  public static final int ACCESS_CONF = 64;
  public static final int RSRC_CONF = 128;
  public static final int EXEC_ON_READ = 256;
  public static final int PROXY_CONF = 2048;
  public static final int OR_ALL = OR_LIMIT | OR_OPTIONS | OR_FILEINFO | OR_AUTHCFG | OR_INDEXES;

  /** The main server and virtual hosts: config.c, ap_process_config_tree. */
  public static final int SERVER = (RSRC_CONF | OR_ALL) & ~(OR_AUTHCFG | OR_LIMIT);
  /** Inside {@code <Directory>}, {@code <Location>}, {@code <Files>} and {@code <If>}: core.c. */
  public static final int DIRECTORY = OR_ALL | ACCESS_CONF;

  private Overrides() {}

  /** Reads {@code RSRC_CONF|ACCESS_CONF} style text; unknown names are a bug in the table. */
  public static int parse(String text) {
    int bits = 0;
    for (String part : text.split("\\|")) {
      bits |= switch (part.strip().toUpperCase(Locale.ROOT)) {
        case "OR_NONE" -> 0;
        case "OR_LIMIT" -> OR_LIMIT;
        case "OR_OPTIONS" -> OR_OPTIONS;
        case "OR_FILEINFO" -> OR_FILEINFO;
        case "OR_AUTHCFG" -> OR_AUTHCFG;
        case "OR_INDEXES" -> OR_INDEXES;
        case "OR_ALL" -> OR_ALL;
        case "ACCESS_CONF" -> ACCESS_CONF;
        case "RSRC_CONF" -> RSRC_CONF;
        case "EXEC_ON_READ" -> EXEC_ON_READ;
        case "PROXY_CONF" -> PROXY_CONF;
        default -> throw new IllegalArgumentException("unknown override class " + part);
      };
    }
    return bits;
  }
}

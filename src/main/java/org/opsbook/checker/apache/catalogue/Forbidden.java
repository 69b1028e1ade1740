package org.opsbook.checker.apache.catalogue;

import java.util.Locale;

/** The context checks of {@code ap_check_cmd_context} (http_config.h, core.c). */
public final class Forbidden {
  public static final int NOT_IN_VIRTUALHOST = 0x01;
  public static final int NOT_IN_LIMIT = 0x02;
  public static final int NOT_IN_DIRECTORY = 0x04;
  public static final int NOT_IN_LOCATION = 0x08;
  public static final int NOT_IN_FILES = 0x10;
  public static final int NOT_IN_HTACCESS = 0x20;
  public static final int NOT_IN_PROXY = 0x40;
  public static final int NOT_IN_DIR_LOC_FILE = NOT_IN_DIRECTORY | NOT_IN_LOCATION | NOT_IN_FILES;
  public static final int NOT_IN_DIR_CONTEXT = NOT_IN_LIMIT | NOT_IN_DIR_LOC_FILE | NOT_IN_PROXY;
  public static final int GLOBAL_ONLY = NOT_IN_VIRTUALHOST | NOT_IN_DIR_CONTEXT;

  private Forbidden() {}

  public static int parse(String text) {
    int bits = 0;
    for (String part : text.split("[|;]")) {
      String p = part.strip().toUpperCase(Locale.ROOT);
      if (p.isEmpty() || p.equals("-")) {
        continue;
      }
      bits |= switch (p) {
        case "NOT_IN_VIRTUALHOST" -> NOT_IN_VIRTUALHOST;
        case "NOT_IN_LIMIT" -> NOT_IN_LIMIT;
        case "NOT_IN_DIRECTORY" -> NOT_IN_DIRECTORY;
        case "NOT_IN_LOCATION" -> NOT_IN_LOCATION;
        case "NOT_IN_FILES" -> NOT_IN_FILES;
        case "NOT_IN_HTACCESS" -> NOT_IN_HTACCESS;
        case "NOT_IN_PROXY" -> NOT_IN_PROXY;
        case "NOT_IN_DIR_LOC_FILE" -> NOT_IN_DIR_LOC_FILE;
        case "NOT_IN_DIR_CONTEXT" -> NOT_IN_DIR_CONTEXT;
        case "GLOBAL_ONLY" -> GLOBAL_ONLY;
        default -> throw new IllegalArgumentException("unknown context check " + part);
      };
    }
    return bits;
  }
}

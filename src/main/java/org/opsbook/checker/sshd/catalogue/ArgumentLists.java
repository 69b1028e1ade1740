package org.opsbook.checker.sshd.catalogue;

/** Helpers for comma-separated argument lists. */
public final class ArgumentLists {
  private ArgumentLists() {}

  /** Whether a list (after an optional +/^ prefix) has a {@code !} entry. */
  public static boolean hasNegation(String list) {
    String body = list.startsWith("+") || list.startsWith("^") ? list.substring(1) : list;
    for (String s : body.split(",", -1)) {
      if (s.startsWith("!")) {
        return true;
      }
    }
    return false;
  }
}

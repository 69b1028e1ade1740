package org.opsbook.checker.haproxy.catalogue;

/** Counts the arguments of a {@code haproxy -dK} signature such as {@code string[,integer,integer]}. */
final class Arguments {
  private Arguments() {}

  /** {required, allowed} for a signature; an empty one takes none. */
  static int[] count(String signature) {
    if (signature.isBlank()) {
      return new int[] {0, 0};
    }
    int bracket = signature.indexOf('[');
    String mandatory = bracket < 0 ? signature : signature.substring(0, bracket);
    int required = mandatory.replace(",", " ").isBlank() ? 0 : mandatory.split(",").length;
    int all = signature.replace("[", "").replace("]", "").split(",").length;
    return new int[] {required, all};
  }
}

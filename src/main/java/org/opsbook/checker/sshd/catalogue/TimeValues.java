package org.opsbook.checker.sshd.catalogue;

/** sshd's time intervals (misc.c convtime()): {@code 90}, {@code 10m}, {@code 1h30m}, {@code 2w}. */
public final class TimeValues {
  private TimeValues() {}

  /** The interval in seconds, or -1 when sshd would call it an invalid time value. */
  public static long seconds(String s) {
    if (s.isEmpty()) {
      return -1;
    }
    long total = 0;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      // strtol() accepts leading white space and a sign; a negative number is refused below.
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      boolean negative = false;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        negative = s.charAt(i) == '-';
        i++;
      }
      int digits = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == digits) {
        return -1;
      }
      if (i - digits > 10) {
        return -1;
      }
      long value = Long.parseLong(s.substring(digits, i));
      if (negative && value > 0) {
        return -1;
      }
      long multiplier = 1;
      if (i < s.length()) {
        switch (s.charAt(i)) {
          case 's', 'S' -> multiplier = 1;
          case 'm', 'M' -> multiplier = 60;
          case 'h', 'H' -> multiplier = 3600;
          case 'd', 'D' -> multiplier = 86400;
          case 'w', 'W' -> multiplier = 604800;
          default -> {
            return -1;
          }
        }
        i++;
      }
      if (value > Integer.MAX_VALUE / multiplier) {
        return -1;
      }
      total += value * multiplier;
      if (total > Integer.MAX_VALUE) {
        return -1;
      }
      if (start == i) {
        return -1;
      }
    }
    return total;
  }

  /** servconf.c parse_timeout(): {@code type=interval} with a non-empty type. */
  public static boolean isChannelTimeout(String s) {
    int eq = s.indexOf('=');
    return eq > 0 && seconds(s.substring(eq + 1)) >= 0;
  }
}

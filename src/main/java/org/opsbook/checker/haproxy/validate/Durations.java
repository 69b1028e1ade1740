package org.opsbook.checker.haproxy.validate;

/**
 * Reads times as HAProxy does (tools.c parse_time_err): digits and an optional unit, us, ms
 * (the default), s, m, h or d; no fractions, no sign, at most 2147483647 ms. HAProxy 2.6 still
 * accepts characters after a known unit ({@code 30sec}) with a warning that a later version will
 * refuse them. Stateless.
 */
final class Durations {
  static final long MAX_MS = 2147483647L;

  private Durations() {}

  /**
   * A time read, in milliseconds, or the character HAProxy stops at (0 for an overflow).
   *
   * @param trailing characters after a known unit, which HAProxy 2.6 ignores with a warning
   */
  record Read(long millis, char bad, boolean overflow, String trailing) {
    boolean ok() {
      return bad == 0 && !overflow;
    }

    /** The warning HAProxy gives for text after the unit, or null. */
    String warning(String value) {
      return trailing.isEmpty() ? null : "unexpected character '" + trailing.charAt(0) + "' after the timer value '"
          + value + "', only (us=microseconds,ms=milliseconds,s=seconds,m=minutes,h=hours,d=days) are supported. This "
          + "will be reported as an error in next versions.";
    }
  }

  static Read read(String text) {
    int i = 0;
    long value = 0;
    boolean overflow = false;
    while (i < text.length() && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
      value = value * 10 + (text.charAt(i) - '0');
      if (value > 100L * MAX_MS) {
        overflow = true;
        value = 100L * MAX_MS;
      }
      i++;
    }
    if (i == 0) {
      return new Read(0, text.isEmpty() ? ' ' : text.charAt(0), false, "");
    }
    String rest = text.substring(i);
    String unit = "";
    for (String u : new String[] {"us", "ms", "s", "m", "h", "d"}) {
      if (rest.startsWith(u)) {
        unit = u;
        break;
      }
    }
    if (unit.isEmpty() && !rest.isEmpty()) {
      return new Read(0, rest.charAt(0), false, "");
    }
    long ms = switch (unit) {
      case "us" -> (value + 999) / 1000;
      case "s" -> value * 1000;
      case "m" -> value * 60_000;
      case "h" -> value * 3_600_000;
      case "d" -> value * 86_400_000;
      default -> value;
    };
    if (overflow || ms > MAX_MS) {
      return new Read(MAX_MS, (char) 0, true, "");
    }
    return new Read(ms, (char) 0, false, rest.substring(unit.length()));
  }

}

package org.opsbook.checker.sshd.catalogue;

import java.util.Locale;
import java.util.Set;

/** Small number formats sshd reads with sscanf(), strtol() and scan_scaled(). Pure functions. */
public final class ScannedNumbers {
  private ScannedNumbers() {}

  /**
   * sscanf(s, "%d:%d:%d") with up to {@code max} conversions: the numbers read before the first
   * mismatch. Trailing text after the last number is ignored, as sscanf ignores it.
   */
  public static int[] colonInts(String s, int max) {
    int[] out = new int[max];
    int n = 0;
    int i = 0;
    while (n < max) {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int start = i;
      if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
        i++;
      }
      int digits = i;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == digits || i - digits > 9) {
        break;
      }
      out[n++] = Integer.parseInt(s.substring(s.charAt(start) == '+' ? start + 1 : start, i));
      if (n < max) {
        if (i < s.length() && s.charAt(i) == ':') {
          i++;
        } else {
          break;
        }
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** scan_scaled(): a byte count with an optional K/M/G/T/P/E suffix; -1 when unreadable. */
  public static long scaled(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return -1;
    }
    long multiplier = 1;
    char last = Character.toUpperCase(t.charAt(t.length() - 1));
    int idx = "BKMGTPE".indexOf(last);
    if (idx >= 0) {
      multiplier = idx == 0 ? 1 : 1L << (10 * idx);
      t = t.substring(0, t.length() - 1);
    }
    if (t.isEmpty()) {
      return -1;
    }
    try {
      if (t.indexOf('.') >= 0) {
        double d = Double.parseDouble(t);
        return d < 0 ? -1 : (long) (d * multiplier);
      }
      if (!t.chars().allMatch(Character::isDigit)) {
        return -1;
      }
      long v = Long.parseLong(t);
      return v > Long.MAX_VALUE / multiplier ? -1 : v * multiplier;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** misc.c parse_ipqos(): a DSCP/ToS name or 0-255 in C notation; -1 when refused. */
  public static int ipqos(String s, Set<String> names) {
    if (names.contains(s.toLowerCase(Locale.ROOT))) {
      return 0;
    }
    try {
      long v;
      if (s.startsWith("0x") || s.startsWith("0X")) {
        v = Long.parseLong(s.substring(2), 16);
      } else if (s.length() > 1 && s.startsWith("0")) {
        v = Long.parseLong(s.substring(1), 8);
      } else {
        v = Long.parseLong(s);
      }
      return v >= 0 && v <= 255 ? (int) v : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** strtol(s, &end, 8) as StreamLocalBindMask reads it: the octal prefix, or -1 with no digits. */
  public static long octalPrefix(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    int start = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7' && i - start < 12) {
      i++;
    }
    if (i == start) {
      return -1;
    }
    long v = Long.parseLong(s.substring(start, i), 8);
    return negative && v != 0 ? -1 : v;
  }
}

package org.opsbook.checker.iptables.sim;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IPv4 address arithmetic for matching and routing. Pure functions. */
public final class Addresses {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  private Addresses() {}

  /**
   * The address as an unsigned 32-bit value, or -1 when it is not one. Like iptables, accepts one
   * to four octets, left-aligned: {@code 10} is 10.0.0.0.
   */
  public static long parse(String v) {
    Matcher m = IPV4.matcher(v);
    if (!m.matches()) {
      return partial(v);
    }
    long r = 0;
    for (int i = 1; i <= 4; i++) {
      int b = Integer.parseInt(m.group(i));
      if (b > 255) {
        return -1;
      }
      r = (r << 8) | b;
    }
    return r;
  }

  private static long partial(String v) {
    if (v.isEmpty() || !v.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
      return -1;
    }
    String[] parts = v.split("\\.", -1);
    if (parts.length > 4) {
      return -1;
    }
    long r = 0;
    for (int i = 0; i < 4; i++) {
      int b = 0;
      if (i < parts.length) {
        if (parts[i].isEmpty() || parts[i].length() > 3 || Integer.parseInt(parts[i]) > 255) {
          return -1;
        }
        b = Integer.parseInt(parts[i]);
      }
      r = (r << 8) | b;
    }
    return r;
  }

  public static String format(long a) {
    return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
  }

  /** {@code [network, mask]} of {@code A.B.C.D[/N|/MASK]}, or {@code null} for a host name. */
  public static long[] cidr(String v) {
    int slash = v.indexOf('/');
    long addr = parse(slash < 0 ? v : v.substring(0, slash));
    if (addr < 0) {
      return null;
    }
    long mask = 0xFFFFFFFFL;
    if (slash >= 0) {
      String m = v.substring(slash + 1);
      if (m.contains(".")) {
        mask = parse(m);
        if (mask < 0) {
          return null;
        }
      } else {
        if (m.isEmpty() || m.length() > 2 || !m.chars().allMatch(Character::isDigit) || Integer.parseInt(m) > 32) {
          return null;
        }
        int bits = Integer.parseInt(m);
        mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
      }
    }
    return new long[] {addr & mask, mask};
  }

  /** Whether the address (a single host) lies in any network of a comma-separated list. */
  public static boolean matches(String networks, long address) {
    for (String n : networks.split(",")) {
      long[] c = cidr(n);
      if (c != null && (address & c[1]) == c[0]) {
        return true;
      }
    }
    return false;
  }

  /** Whether network {@code inner} lies wholly inside network {@code outer}. */
  public static boolean cidrContains(String outer, String inner) {
    if (outer.contains(",") || inner.contains(",")) {
      return false;
    }
    long[] o = cidr(outer);
    long[] i = cidr(inner);
    return o != null && i != null && (i[1] & o[1]) == o[1] && (i[0] & o[1]) == o[0];
  }

  /** Whether the two networks share no address. */
  public static boolean disjoint(String a, String b) {
    long[] x = cidr(a);
    long[] y = cidr(b);
    if (x == null || y == null) {
      return false;
    }
    long common = x[1] & y[1];
    return (x[0] & common) != (y[0] & common);
  }

  /** First and last address of a network. */
  public static long[] range(String network) {
    long[] c = cidr(network);
    return c == null ? null : new long[] {c[0], c[0] | (~c[1] & 0xFFFFFFFFL)};
  }
}

package org.opsbook.checker.vcl.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Numeric IPv4 and IPv6 addresses without any name lookup: parsing the forms VCC and Varnish
 * accept, formatting, and prefix tests. Host names are left to the caller (VCC resolves them with
 * DNS when it compiles; opsbook never does). Pure functions.
 */
public final class Addresses {
  private Addresses() {}

  /** The 4 or 16 bytes of a numeric address in its usual text form, or {@code null}. */
  public static byte[] parse(String text) {
    byte[] v4 = parseIpv4(text);
    return v4 != null ? v4 : parseIpv6(text);
  }

  /** Dotted-quad IPv4, four decimal parts 0-255 (inet_pton's form). */
  public static byte[] parseIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      if (p.length() > 1 && p.charAt(0) == '0') {
        return null;
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  /** IPv6 in RFC 4291 text form, with {@code ::} and an embedded IPv4 tail; no zone. */
  public static byte[] parseIpv6(String text) {
    if (text.isEmpty() || text.indexOf(':') < 0) {
      return null;
    }
    String s = text.toLowerCase(Locale.ROOT);
    int dbl = s.indexOf("::");
    if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
      return null;
    }
    List<Integer> head = new ArrayList<>();
    List<Integer> tail = new ArrayList<>();
    String left = dbl >= 0 ? s.substring(0, dbl) : s;
    String right = dbl >= 0 ? s.substring(dbl + 2) : "";
    if (!groups(left, head, dbl < 0 || right.isEmpty())) {
      return null;
    }
    if (dbl >= 0 && !groups(right, tail, true)) {
      return null;
    }
    int total = head.size() + tail.size();
    if (dbl < 0 ? total != 8 : total > 7) {
      return null;
    }
    byte[] out = new byte[16];
    int i = 0;
    for (int g : head) {
      out[i++] = (byte) (g >> 8);
      out[i++] = (byte) g;
    }
    i = 16 - 2 * tail.size();
    for (int g : tail) {
      out[i++] = (byte) (g >> 8);
      out[i++] = (byte) g;
    }
    return out;
  }

  /** Groups of hex digits separated by ':'; the last may be an IPv4 address (two groups). */
  private static boolean groups(String s, List<Integer> into, boolean lastMayBeIpv4) {
    if (s.isEmpty()) {
      return true;
    }
    String[] parts = s.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (i == parts.length - 1 && lastMayBeIpv4 && p.indexOf('.') >= 0) {
        byte[] v4 = parseIpv4(p);
        if (v4 == null) {
          return false;
        }
        into.add(((v4[0] & 0xff) << 8) | (v4[1] & 0xff));
        into.add(((v4[2] & 0xff) << 8) | (v4[3] & 0xff));
        continue;
      }
      if (p.isEmpty() || p.length() > 4) {
        return false;
      }
      for (char c : p.toCharArray()) {
        if (Character.digit(c, 16) < 0) {
          return false;
        }
      }
      into.add(Integer.parseInt(p, 16));
    }
    return true;
  }

  /** An address in the form inet_ntop gives (RFC 5952 for IPv6). */
  public static String format(byte[] a) {
    if (a.length == 4) {
      return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
    }
    // inet_ntop writes an IPv4-mapped address with a dotted tail.
    boolean mapped = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff;
    int limit = mapped ? 6 : 8;
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < limit; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < limit && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen && j - i >= 2) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder b = new StringBuilder();
    if (bestStart < 0) {
      for (int i = 0; i < limit; i++) {
        b.append(i == 0 ? "" : ":").append(Integer.toHexString(g[i]));
      }
    } else {
      for (int i = 0; i < bestStart; i++) {
        b.append(i == 0 ? "" : ":").append(Integer.toHexString(g[i]));
      }
      b.append("::");
      for (int i = bestStart + bestLen; i < limit; i++) {
        b.append(i == bestStart + bestLen ? "" : ":").append(Integer.toHexString(g[i]));
      }
    }
    if (mapped) {
      if (b.charAt(b.length() - 1) != ':') {
        b.append(':');
      }
      b.append(a[12] & 0xff).append('.').append(a[13] & 0xff).append('.').append(a[14] & 0xff).append('.')
          .append(a[15] & 0xff);
    }
    return b.toString();
  }

  /** Whether {@code address} lies in {@code network/prefix} (same family only). */
  public static boolean contains(byte[] network, int prefix, byte[] address) {
    if (network.length != address.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (network[i] != address[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff00 >> rest) & 0xff;
    return (network[full] & mask) == (address[full] & mask);
  }
}

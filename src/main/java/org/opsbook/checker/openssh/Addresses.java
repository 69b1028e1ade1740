package org.opsbook.checker.openssh;

import java.util.Locale;
import java.util.Optional;

/**
 * Numeric addresses and address lists as OpenSSH reads them (addr.c, addrmatch.c, match.c), for
 * sshd's {@code Match Address} and {@code ListenAddress} and authorized_keys' {@code from=}. No
 * name is ever resolved. Pure functions.
 */
public final class Addresses {
  /** addr.c copies an entry into a 64-byte buffer; a longer one is not an address. */
  private static final int MAX_ENTRY = 63;

  private Addresses() {}

  /**
   * addr.c addr_pton(): what getaddrinfo() with AI_NUMERICHOST accepts, as 4 or 16 bytes. IPv4
   * comes in every inet_aton() form ({@code 10.1} is 10.0.0.1, {@code 0x7f.1} and {@code 012.0.0.1}
   * are hexadecimal and octal); IPv6 as inet_pton() reads it, an IPv4-mapped address staying IPv6.
   */
  public static Optional<byte[]> parse(String text) {
    if (text.indexOf(':') >= 0) {
      return Optional.ofNullable(ipv6(text));
    }
    return Optional.ofNullable(inetAton(text));
  }

  /** glibc inet_aton(): one to four parts, the last filling the remaining bytes; null if not. */
  private static byte[] inetAton(String s) {
    long[] parts = new long[4];
    int n = 0;
    int i = 0;
    while (true) {
      if (i >= s.length() || !isDigit(s.charAt(i))) {
        return null;
      }
      int base = 10;
      if (s.charAt(i) == '0') {
        i++;
        if (i < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X')) {
          base = 16;
          i++;
        } else {
          base = 8;
        }
      }
      long value = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        int d = base == 16 ? hexDigit(c) : isDigit(c) ? c - '0' : -1;
        if (d < 0) {
          break;
        }
        if (d >= base) {
          return null; // an 8 or 9 in an octal part
        }
        value = value * base + d;
        if (value > 0xffffffffL) {
          return null;
        }
        i++;
      }
      if (n == 4) {
        return null;
      }
      parts[n++] = value;
      if (i < s.length() && s.charAt(i) == '.') {
        if (n > 3 || value > 0xff) {
          return null;
        }
        i++;
        continue;
      }
      break;
    }
    if (i != s.length()) {
      return null;
    }
    long last = parts[n - 1];
    if (last >= (1L << (8 * (5 - n)))) {
      return null;
    }
    long value = last;
    for (int k = 0; k < n - 1; k++) {
      value |= parts[k] << (8 * (3 - k));
    }
    return new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value};
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int hexDigit(char c) {
    if (isDigit(c)) {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /** inet_pton(AF_INET6): hex groups, one {@code ::}, an optional dotted-quad tail; null if not. */
  private static byte[] ipv6(String text) {
    int dbl = text.indexOf("::");
    if (dbl >= 0 && text.indexOf("::", dbl + 1) >= 0) {
      return null;
    }
    String head = dbl >= 0 ? text.substring(0, dbl) : text;
    String tail = dbl >= 0 ? text.substring(dbl + 2) : "";
    int[] headGroups = groups(head, dbl < 0);
    int[] tailGroups = groups(tail, true);
    if (headGroups == null || tailGroups == null) {
      return null;
    }
    int total = headGroups.length + tailGroups.length;
    if ((dbl < 0 && total != 8) || (dbl >= 0 && total > 7)) {
      return null;
    }
    int[] all = new int[8];
    System.arraycopy(headGroups, 0, all, 0, headGroups.length);
    System.arraycopy(tailGroups, 0, all, 8 - tailGroups.length, tailGroups.length);
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[2 * i] = (byte) (all[i] >> 8);
      out[2 * i + 1] = (byte) all[i];
    }
    return out;
  }

  /** Hex groups of one side of {@code ::}; where allowed, a final dotted quad counts as two groups. */
  private static int[] groups(String side, boolean quadAllowed) {
    if (side.isEmpty()) {
      return new int[0];
    }
    String[] parts = side.split(":", -1);
    boolean quad = quadAllowed && parts[parts.length - 1].indexOf('.') >= 0;
    int[] out = new int[parts.length + (quad ? 1 : 0)];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (quad && i == parts.length - 1) {
        byte[] v4 = dottedQuad(p);
        if (v4 == null) {
          return null;
        }
        out[i] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        out[i + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        continue;
      }
      if (p.isEmpty() || p.length() > 4) {
        return null;
      }
      int v = 0;
      for (int k = 0; k < p.length(); k++) {
        int d = hexDigit(p.charAt(k));
        if (d < 0) {
          return null;
        }
        v = v * 16 + d;
      }
      out[i] = v;
    }
    return out;
  }

  /** inet_pton(AF_INET): exactly four decimal parts without leading zeros. */
  private static byte[] dottedQuad(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
          || (p.length() > 1 && p.charAt(0) == '0') || Integer.parseInt(p) > 255) {
        return null;
      }
      out[i] = (byte) Integer.parseInt(p);
    }
    return out;
  }

  /** An {@code address/masklen} network. */
  public record Network(byte[] address, int maskLength) {}

  /** How one entry of an address list reads (addr.c addr_pton_cidr()). */
  public enum CidrKind {
    /** Not an address: OpenSSH matches the entry as a wildcard pattern on the address text. */
    NOT_AN_ADDRESS,
    /** An address whose mask is too long or leaves host bits set: the whole list is refused. */
    INCONSISTENT,
    /** A network matched numerically. */
    NETWORK
  }

  /** One entry as read; {@code network} is set for {@link CidrKind#NETWORK} only. */
  public record Cidr(CidrKind kind, Network network) {}

  /** addr.c addr_pton_cidr(): one {@code address[/masklen]} entry. */
  public static Cidr parseCidr(String text) {
    if (text.length() > MAX_ENTRY) {
      return new Cidr(CidrKind.NOT_AN_ADDRESS, null);
    }
    String addr = text;
    int mask = -1;
    int slash = text.indexOf('/');
    if (slash >= 0) {
      addr = text.substring(0, slash);
      String m = text.substring(slash + 1);
      if (m.isEmpty() || !m.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return new Cidr(CidrKind.NOT_AN_ADDRESS, null);
      }
      String digits = m.replaceFirst("^0+(?=.)", "");
      if (digits.length() > 3 || Integer.parseInt(digits) > 128) {
        return new Cidr(CidrKind.NOT_AN_ADDRESS, null);
      }
      mask = Integer.parseInt(digits);
    }
    Optional<byte[]> parsed = parse(addr);
    if (parsed.isEmpty()) {
      return new Cidr(CidrKind.NOT_AN_ADDRESS, null);
    }
    byte[] bytes = parsed.get();
    int bits = bytes.length * 8;
    if (mask < 0) {
      mask = bits;
    }
    if (mask > bits || !hostBitsZero(bytes, mask)) {
      return new Cidr(CidrKind.INCONSISTENT, null);
    }
    return new Cidr(CidrKind.NETWORK, new Network(bytes, mask));
  }

  private static boolean hostBitsZero(byte[] bytes, int mask) {
    for (int bit = mask; bit < bytes.length * 8; bit++) {
      if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code address} lies in {@code net}; different families never match. */
  public static boolean contains(Network net, byte[] address) {
    if (net.address().length != address.length) {
      return false;
    }
    for (int bit = 0; bit < net.maskLength(); bit++) {
      int m = 0x80 >> (bit % 8);
      if ((net.address()[bit / 8] & m) != (address[bit / 8] & m)) {
        return false;
      }
    }
    return true;
  }

  /**
   * addrmatch.c addr_match_list(): 1 if the address matches, -1 if a negated entry matches, 0 if
   * nothing does, -2 if the list is malformed (an empty entry or an inconsistent network). With a
   * {@code null} address only the list's syntax is checked (0 or -2); an address that does not
   * parse matches nothing and leaves the list unchecked, as in addrmatch.c.
   */
  public static int matchList(String address, String list) {
    byte[] subject = null;
    if (address != null) {
      Optional<byte[]> parsed = parse(address);
      if (parsed.isEmpty()) {
        return 0;
      }
      subject = parsed.get();
    }
    int result = 0;
    for (String raw : list.split(",", -1)) {
      boolean negated = raw.startsWith("!");
      String entry = negated ? raw.substring(1) : raw;
      if (entry.isEmpty()) {
        return -2;
      }
      Cidr cidr = parseCidr(entry);
      if (cidr.kind() == CidrKind.INCONSISTENT) {
        return -2;
      }
      boolean hit = cidr.kind() == CidrKind.NETWORK
          ? subject != null && contains(cidr.network(), subject)
          : address != null && WildcardPattern.matches(address, entry);
      if (hit) {
        if (negated) {
          return -1;
        }
        result = 1;
      }
    }
    return result;
  }

  /**
   * match.c match_host_and_ip(), as authorized_keys' {@code from=} uses it: -1 when the list holds
   * a malformed network, 0 when nothing matches or a negated entry does, 1 when admitted by the
   * address or by the (lower-cased) host name.
   */
  public static int matchHostAndIp(String host, String ip, String patterns) {
    int mip = matchList(ip, patterns);
    if (mip == -2) {
      return -1;
    }
    if (mip == -1) {
      return 0;
    }
    int mhost = WildcardPattern.matchList(host.toLowerCase(Locale.ROOT), patterns, true);
    if (mhost == -1) {
      return 0;
    }
    return mhost == 1 || mip == 1 ? 1 : 0;
  }

  /**
   * getnameinfo(NI_NUMERICHOST), as glibc's inet_ntop() writes it: a dotted quad, or compressed
   * lower-case IPv6, with IPv4-mapped ({@code ::ffff:a.b.c.d}) and IPv4-compatible ({@code
   * ::a.b.c.d}) addresses ending in a dotted quad.
   */
  public static String format(byte[] a) {
    if (a.length == 4) {
      return quad(a, 0);
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen && j - i >= 2) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    if (bestStart == 0 && (bestLen == 6 || (bestLen == 5 && g[5] == 0xffff))) {
      return "::" + (bestLen == 5 ? "ffff:" : "") + quad(a, 12);
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        b.append("::");
        i += bestLen - 1;
        continue;
      }
      if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
        b.append(':');
      }
      b.append(Integer.toHexString(g[i]));
    }
    return b.toString();
  }

  private static String quad(byte[] a, int from) {
    return (a[from] & 0xff) + "." + (a[from + 1] & 0xff) + "." + (a[from + 2] & 0xff) + "." + (a[from + 3] & 0xff);
  }
}

package org.opsbook.checker.authkeys.sim;

import org.opsbook.checker.openssh.WildcardPattern;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.opsbook.checker.authkeys.model.KeyLine;
import org.opsbook.checker.authkeys.model.KeyOption;

/**
 * Decides, as sshd's auth-options.c and match.c do, whether a key line admits a connection from an
 * address and which restrictions then apply. Pure functions.
 */
public final class AccessEvaluator {
  private static final Pattern IPV4_CHARS = Pattern.compile("[0-9a-fA-FxX.]+");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

  private AccessEvaluator() {}

  /**
   * @param address the client address
   * @param hostName the client's name as sshd sees it (the address itself unless UseDNS is on)
   * @param at the time of the connection, or {@code null} to ignore expiry-time
   */
  public static Decision evaluate(KeyLine key, String address, String hostName, LocalDateTime at) {
    Map<String, String> settings = new TreeMap<>();
    for (String f : List.of("port-forwarding", "agent-forwarding", "x11-forwarding", "pty", "user-rc")) {
      settings.put(f, "yes");
    }
    List<String> open = new ArrayList<>();
    List<String> listen = new ArrayList<>();
    if (!key.optionsValid() || key.key().isEmpty()) {
      return new Decision(false, "sshd skips this line: it does not parse", settings, open, listen);
    }
    String from = null;
    LocalDateTime expiry = null;
    for (KeyOption o : key.options()) {
      switch (o.name()) {
        case "restrict" -> {
          for (String f : List.of("port-forwarding", "agent-forwarding", "x11-forwarding", "pty", "user-rc")) {
            settings.put(f, "no");
          }
        }
        case "port-forwarding", "agent-forwarding", "x11-forwarding", "pty", "user-rc" ->
            settings.put(o.name(), o.negated() ? "no" : "yes");
        case "command" -> settings.put("command", o.value());
        case "environment" -> settings.merge("environment", o.value(), (a, b) -> a + " " + b);
        case "principals" -> settings.put("principals", o.value());
        case "tunnel" -> settings.put("tunnel", o.value());
        case "cert-authority" -> settings.put("cert-authority", "yes");
        case "from" -> from = o.value();
        case "permitopen" -> open.add(o.value());
        case "permitlisten" -> listen.add(o.value().indexOf(':') < 0 ? o.value() : o.value());
        case "expiry-time" -> {
          LocalDateTime t = parseTime(o.value());
          if (expiry == null || t.isBefore(expiry)) {
            expiry = t;
          }
        }
        default -> { }
      }
    }
    // auth2-pubkeyfile.c auth_authorise_keyopts: expiry first, then principals= needs cert-authority
    if (expiry != null && at != null && !at.isBefore(expiry)) {
      return new Decision(false, "the key expired at " + expiry, settings, open, listen);
    }
    if (settings.containsKey("principals") && !settings.containsKey("cert-authority")) {
      return new Decision(false, "principals= without cert-authority: sshd denies every login with this line",
          settings, open, listen);
    }
    if (settings.containsKey("cert-authority")) {
      return new Decision(false, "a cert-authority line admits certificates signed by this key, not the key itself",
          settings, open, listen);
    }
    if (from != null) {
      int m = matchHostAndIp(hostName, address, from);
      if (m != 1) {
        return new Decision(false, m == -1 ? "from=\"" + from + "\" has an invalid address/mask, so sshd denies every address"
            : "from=\"" + from + "\" does not admit " + address, settings, open, listen);
      }
    }
    return new Decision(true, "allowed", settings, open, listen);
  }

  /** The moment an expiry-time value names (local time, as sshd reads it without a Z). */
  public static LocalDateTime expiry(String v) {
    return parseTime(v);
  }

  static LocalDateTime parseTime(String v) {
    String t = v.endsWith("Z") ? v.substring(0, v.length() - 1) : v;
    String padded = (t + "000000").substring(0, 14);
    return LocalDateTime.parse(padded, DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT));
  }

  /**
   * match.c match_host_and_ip: -1 when the list holds a malformed address/mask, 0 when nothing
   * matches or a negated entry matches, 1 when admitted.
   */
  public static int matchHostAndIp(String host, String ip, String patterns) {
    int mip = addrMatchList(ip, patterns);
    if (mip == -2) {
      return -1;
    }
    int mhost = hostMatchList(host.toLowerCase(Locale.ROOT), patterns);
    if (mhost == -1 || mip == -1) {
      return 0;
    }
    return mhost == 1 || mip == 1 ? 1 : 0;
  }

  private static int hostMatchList(String host, String list) {
    int got = 0;
    for (String entry : list.split(",", -1)) {
      boolean neg = entry.startsWith("!");
      String p = (neg ? entry.substring(1) : entry).toLowerCase(Locale.ROOT);
      if (WildcardPattern.matches(host, p)) {
        if (neg) {
          return -1;
        }
        got = 1;
      }
    }
    return got;
  }

  /** addrmatch.c addr_match_list: CIDR entries compared numerically, others as wildcards. */
  static int addrMatchList(String ip, String list) {
    int ret = 0;
    for (String entry : list.split(",", -1)) {
      boolean neg = entry.startsWith("!");
      String p = neg ? entry.substring(1) : entry;
      Boolean cidr = cidrMatch(ip, p);
      boolean matched;
      if (cidr == null) {
        return -2;
      } else if (looksLikeAddress(p)) {
        matched = cidr;
      } else {
        matched = WildcardPattern.matches(ip, p);
      }
      if (matched) {
        if (neg) {
          return -1;
        }
        ret = 1;
      }
    }
    return ret;
  }

  private static boolean looksLikeAddress(String p) {
    String addr = p.contains("/") ? p.substring(0, p.indexOf('/')) : p;
    return ipv4(addr) != null || (addr.contains(":") && IPV6_CHARS.matcher(addr).matches());
  }

  /**
   * inet_aton, which getaddrinfo(AI_NUMERICHOST) follows for IPv4: one to four parts, each
   * decimal, octal (leading 0) or hex (0x), the last part filling the remaining bytes; null if not.
   */
  static byte[] ipv4(String s) {
    if (s.isEmpty() || s.endsWith(".") || !IPV4_CHARS.matcher(s).matches()) {
      return null;
    }
    String[] parts = s.split("\\.", -1);
    if (parts.length > 4) {
      return null;
    }
    long[] v = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String x = parts[i].toLowerCase(Locale.ROOT);
      try {
        if (x.startsWith("0x")) {
          v[i] = x.length() == 2 ? 0 : Long.parseLong(x.substring(2), 16);
        } else if (x.startsWith("0") && x.length() > 1) {
          v[i] = Long.parseLong(x.substring(1), 8);
        } else {
          v[i] = Long.parseLong(x);
        }
      } catch (NumberFormatException e) {
        return null;
      }
    }
    long value = 0;
    for (int i = 0; i < parts.length - 1; i++) {
      if (v[i] > 255) {
        return null;
      }
      value |= v[i] << (8 * (3 - i));
    }
    long last = v[parts.length - 1];
    if (last >= (1L << (8 * (4 - (parts.length - 1))))) {
      return null;
    }
    value |= last;
    return new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value};
  }

  /** An address literal as bytes: 4 for IPv4, 16 for IPv6 (IPv4-mapped ones stay 16 bytes). */
  private static byte[] bytes(String literal) throws UnknownHostException {
    byte[] v4 = ipv4(literal);
    if (v4 != null) {
      return v4;
    }
    byte[] raw = InetAddress.getByName(literal).getAddress();
    if (raw.length == 4) {
      // Java turns ::ffff:a.b.c.d into an IPv4 address; sshd keeps it IPv6
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(raw, 0, mapped, 12, 4);
      return mapped;
    }
    return raw;
  }

  /** null for a malformed address/mask, else whether ip falls in it (false if not an address). */
  private static Boolean cidrMatch(String ip, String p) {
    if (!looksLikeAddress(p)) {
      return p.contains("/") && !p.contains("*") && !p.contains("?") ? null : Boolean.FALSE;
    }
    String addr = p.contains("/") ? p.substring(0, p.indexOf('/')) : p;
    try {
      byte[] net = bytes(addr);
      int max = net.length * 8;
      int bits = max;
      if (p.contains("/")) {
        String m = p.substring(p.indexOf('/') + 1);
        if (!m.matches("\\d{1,3}") || Integer.parseInt(m) > max) {
          return null;
        }
        bits = Integer.parseInt(m);
        // addrmatch.c: host bits set below the mask make the entry invalid
        BigInteger n = new BigInteger(1, net);
        if (bits < max && !n.and(BigInteger.ONE.shiftLeft(max - bits).subtract(BigInteger.ONE)).equals(BigInteger.ZERO)) {
          return null;
        }
      }
      if (!looksLikeAddress(ip)) {
        return Boolean.FALSE;
      }
      byte[] a = bytes(ip);
      if (a.length != net.length) {
        return Boolean.FALSE;
      }
      BigInteger x = new BigInteger(1, a).shiftRight(max - bits);
      BigInteger y = new BigInteger(1, net).shiftRight(max - bits);
      return x.equals(y);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}

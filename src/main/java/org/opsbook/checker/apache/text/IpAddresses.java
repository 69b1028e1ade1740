package org.opsbook.checker.apache.text;

import java.math.BigInteger;
import java.util.Optional;

/**
 * IPv4 and IPv6 addresses and networks as APR reads them (apr_ipsubnet_create for {@code Require
 * ip} and ap_expr's {@code -R}): a full address, an IPv4 prefix of whole octets ({@code 10.1}),
 * or either with a {@code /bits} or dotted IPv4 netmask. Pure functions; no name lookups.
 */
public final class IpAddresses {
  private IpAddresses() {}

  /** An address as a number and its family. */
  public record Address(BigInteger value, boolean isV6) {
    int bits() {
      return isV6 ? 128 : 32;
    }
  }

  /** A network: an address and how many leading bits must match. */
  public record Network(Address base, int prefix) {
    public boolean contains(Address a) {
      Address probe = a;
      if (!base.isV6() && a.isV6()) {
        // An IPv4-mapped IPv6 client (::ffff:a.b.c.d) matches IPv4 networks.
        BigInteger mapped = BigInteger.valueOf(0xffffL).shiftLeft(32);
        if (!a.value().shiftRight(32).equals(BigInteger.valueOf(0xffffL))) {
          return false;
        }
        probe = new Address(a.value().subtract(mapped), false);
      } else if (base.isV6() != a.isV6()) {
        return false;
      }
      int shift = base.bits() - prefix;
      return probe.value().shiftRight(shift).equals(base.value().shiftRight(shift));
    }
  }

  /** A full IPv4 or IPv6 address, or empty. */
  public static Optional<Address> parse(String text) {
    if (text.indexOf(':') >= 0) {
      return v6(text);
    }
    return v4(text, 4).map(v -> new Address(BigInteger.valueOf(v), false));
  }

  /** A network as {@code Require ip} writes it, or empty when APR would call it invalid. */
  public static Optional<Network> network(String text) {
    String addr = text;
    String mask = null;
    int slash = text.indexOf('/');
    if (slash >= 0) {
      addr = text.substring(0, slash);
      mask = text.substring(slash + 1);
    }
    if (addr.indexOf(':') >= 0) {
      Optional<Address> a = v6(addr);
      if (a.isEmpty()) {
        return Optional.empty();
      }
      int bits = 128;
      if (mask != null) {
        if (!mask.matches("[0-9]{1,3}") || Integer.parseInt(mask) < 1 || Integer.parseInt(mask) > 128) {
          return Optional.empty();
        }
        bits = Integer.parseInt(mask);
      }
      return Optional.of(new Network(a.get(), bits));
    }
    // apr_ipsubnet_create: "10.1" is the network 10.1.0.0/16.
    String[] parts = addr.split("\\.", -1);
    if (parts.length < 1 || parts.length > 4) {
      return Optional.empty();
    }
    Optional<Long> v = v4(addr, parts.length);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    long value = v.get() << (8 * (4 - parts.length));
    int bits = 8 * parts.length;
    if (mask != null) {
      if (parts.length != 4) {
        return Optional.empty();
      }
      if (mask.matches("[0-9]{1,2}")) {
        int m = Integer.parseInt(mask);
        if (m < 1 || m > 32) {
          return Optional.empty();
        }
        bits = m;
      } else {
        Optional<Long> dotted = v4(mask, 4);
        if (dotted.isEmpty() || !contiguous(dotted.get())) {
          return Optional.empty();
        }
        bits = Long.bitCount(dotted.get());
      }
    }
    return Optional.of(new Network(new Address(BigInteger.valueOf(value), false), bits));
  }

  private static boolean contiguous(long mask) {
    long inverted = ~mask & 0xffffffffL;
    return (inverted & (inverted + 1)) == 0;
  }

  private static Optional<Long> v4(String text, int expectParts) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != expectParts) {
      return Optional.empty();
    }
    long v = 0;
    for (String p : parts) {
      if (!p.matches("[0-9]{1,3}") || Integer.parseInt(p) > 255) {
        return Optional.empty();
      }
      v = (v << 8) | Integer.parseInt(p);
    }
    return Optional.of(v);
  }

  private static Optional<Address> v6(String text) {
    String t = text;
    int lastColon = t.lastIndexOf(':');
    if (lastColon >= 0 && t.indexOf('.', lastColon) > lastColon) {
      Optional<Long> v4 = v4(t.substring(lastColon + 1), 4);
      if (v4.isEmpty()) {
        return Optional.empty();
      }
      long x = v4.get();
      t = t.substring(0, lastColon + 1) + Long.toHexString(x >> 16) + ":" + Long.toHexString(x & 0xffff);
    }
    int dbl = t.indexOf("::");
    if (dbl >= 0 && t.indexOf("::", dbl + 1) >= 0) {
      return Optional.empty();
    }
    String[] head = dbl >= 0 ? split(t.substring(0, dbl)) : split(t);
    String[] rest = dbl >= 0 ? split(t.substring(dbl + 2)) : new String[0];
    int groups = head.length + rest.length;
    if (groups > 8 || (dbl < 0 && groups != 8) || (dbl >= 0 && groups == 8)) {
      return Optional.empty();
    }
    BigInteger v = BigInteger.ZERO;
    for (String g : head) {
      if (!g.matches("[0-9A-Fa-f]{1,4}")) {
        return Optional.empty();
      }
      v = v.shiftLeft(16).or(new BigInteger(g, 16));
    }
    v = v.shiftLeft(16 * (8 - head.length - rest.length));
    for (String g : rest) {
      if (!g.matches("[0-9A-Fa-f]{1,4}")) {
        return Optional.empty();
      }
      v = v.shiftLeft(16).or(new BigInteger(g, 16));
    }
    return Optional.of(new Address(v, true));
  }

  private static String[] split(String s) {
    return s.isEmpty() ? new String[0] : s.split(":", -1);
  }
}

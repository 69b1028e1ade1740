package org.opsbook.checker.vcl.syntax;

import org.opsbook.checker.vcl.model.Addresses;
import org.opsbook.checker.vcl.rules.VclRules;

/**
 * A backend's {@code .host} and {@code .port} as Varnish's resolver splits them (vss.c): an
 * address is checked; a name is left to DNS, which opsbook does not ask.
 */
final class Endpoints {
  private Endpoints() {}

  static void check(Compilation c, Token host, Token port) {
    String prefix = "Backend host " + host.quoted();
    if (resolve(c, host, port, prefix, true) == null) {
      c.notices.add(new Compilation.Notice(VclRules.HOST_NAME, host, "backend host " + host.quoted()
          + (port != null ? " port " + port.quoted() : "") + " is resolved by Varnish when it compiles the VCL;"
          + " opsbook does not look names up", null));
    }
  }

  /**
   * An IP constant (a string where VCL wants an IP) as VCC resolves it: the same reading of host
   * and port, one address.
   *
   * @return the address, or {@code null} for a name that only DNS could answer for
   */
  static byte[] ipConstant(Compilation c, Token constant) {
    return resolve(c, constant, null, "IP constant " + constant.quoted(), false);
  }

  /**
   * Reads host and port as vss.c splits them and checks what getaddrinfo would refuse whatever the
   * resolver; returns the address when both are numeric, {@code null} when DNS or /etc/services
   * decides. {@code wildcardAllowed}: a backend takes a missing or "*" host (the loopback
   * addresses); an IP constant refuses it as more than one address.
   */
  private static byte[] resolve(Compilation c, Token host, Token port, String prefix, boolean wildcardAllowed) {
    String text = host.decoded() + (port != null ? " " + port.decoded() : "");
    String addr;
    String service;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw unresolvable(c, host, prefix, "IPv6 address lacks ']'");
      }
      addr = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty() && rest.charAt(0) != ' ' && rest.charAt(0) != ':') {
        throw unresolvable(c, host, prefix, "IPv6 address has wrong port separator");
      }
      service = rest.isEmpty() ? null : rest.substring(1);
    } else {
      int sep = text.indexOf(' ');
      if (sep < 0) {
        sep = text.indexOf(':');
      }
      if (sep < 0 || (text.charAt(sep) == ':' && text.indexOf(':', sep + 1) >= 0)) {
        addr = text;
        service = null;
      } else {
        // "host port", "host:port"; nothing before the separator means every local address.
        addr = sep == 0 ? null : text.substring(0, sep);
        service = text.substring(sep + 1);
      }
    }
    if ("*".equals(addr)) {
      // vss.c: a host of "*" is no host (observed: "*", "[*]", "*:8080" compile as backend hosts).
      addr = null;
    }
    if ("*".equals(service)) {
      // and a port of "*" is no port (observed: .port = "*" compiles, " *" does not).
      service = null;
    }
    if (addr != null && addr.isEmpty() && service == null) {
      throw unresolvable(c, host, prefix, "Name or service not known");
    }
    byte[] address = addr == null || addr.isEmpty() ? null : Addresses.parse(addr);
    boolean numericHost = addr == null || addr.isEmpty() || address != null;
    if (!numericHost && addr.matches("[0-9A-Fa-fxX.]+") && inetAton(addr)) {
      // getaddrinfo reads inet_aton's forms ("8080", "0x7f.1", "10.1") as one IPv4 address.
      address = inetAtonBytes(addr);
      numericHost = true;
    } else if (!numericHost && addr.matches("[0-9.]+")) {
      // Only digits and dots, and not inet_aton's: getaddrinfo reads it as an address or not at all.
      throw unresolvable(c, host, prefix, "Name or service not known");
    }
    if (!numericHost && !addr.matches("[A-Za-z0-9._-]+")) {
      // Not a host name DNS could answer for (RFC 1123 letters, digits, hyphens and dots).
      throw unresolvable(c, host, prefix, "Name or service not known");
    }
    // An empty service is port 0 to getaddrinfo (observed: .port = "" compiles).
    boolean numericPort = service == null || service.isEmpty() || service.matches("[ \\t]*[0-9]+");
    if (!numericPort && !service.matches("[A-Za-z][A-Za-z0-9-]*")) {
      throw unresolvable(c, host, prefix, "Servname not supported for ai_socktype");
    }
    if (!numericPort && KNOWN_SERVICES.contains(service)) {
      numericPort = true;
    }
    if (numericHost && (addr == null || addr.isEmpty()) && !wildcardAllowed) {
      // No host: getaddrinfo answers with the loopback addresses of every kind (observed: "*" and ":80").
      throw c.error(VclRules.TYPE, "IP constant " + host.text() + ": resolves to too many addresses."
          + " Only one IPv4 or IPv6 are allowed.", host);
    }
    if (!numericHost || !numericPort) {
      return null;
    }
    return address != null ? address : new byte[] {127, 0, 0, 1};
  }

  /** Service names of Debian's /etc/services (netbase) that a web backend uses. */
  private static final java.util.Set<String> KNOWN_SERVICES = java.util.Set.of("http", "www", "https", "http-alt",
      "webcache", "tproxy");

  /** inet_aton: one to four parts, decimal, octal (leading 0) or hex (0x), the last filling the rest. */
  static boolean inetAton(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length > 4) {
      return false;
    }
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty() || !p.matches("0[xX][0-9A-Fa-f]*|0[0-7]*|[1-9][0-9]*")) {
        return false;
      }
      java.math.BigInteger v = p.startsWith("0x") || p.startsWith("0X")
          ? (p.length() == 2 ? java.math.BigInteger.ZERO : new java.math.BigInteger(p.substring(2), 16))
          : p.length() > 1 && p.startsWith("0") ? new java.math.BigInteger(p.substring(1), 8) : new java.math.BigInteger(p);
      int bytes = i == parts.length - 1 ? 4 - i : 1;
      if (v.bitLength() > 8 * bytes) {
        return false;
      }
    }
    return true;
  }

  /** The four bytes inet_aton makes of {@code text}; call only when {@link #inetAton} holds. */
  static byte[] inetAtonBytes(String text) {
    String[] parts = text.split("\\.", -1);
    long value = 0;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      long v = p.startsWith("0x") || p.startsWith("0X") ? (p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16))
          : p.length() > 1 && p.startsWith("0") ? Long.parseLong(p.substring(1), 8) : Long.parseLong(p);
      value = i == parts.length - 1 ? (value << (8 * (4 - i))) | v : (value << 8) | v;
    }
    return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
  }

  private static VccError unresolvable(Compilation c, Token host, String prefix, String why) {
    return c.error(prefix.startsWith("Backend") ? VclRules.BACKEND : VclRules.TYPE, prefix
        + " could not be resolved to an IP address:\n\t" + why, host);
  }
}

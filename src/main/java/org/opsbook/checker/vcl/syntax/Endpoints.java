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
    String text = host.decoded() + (port != null ? " " + port.decoded() : "");
    String addr;
    String service;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw unresolvable(c, host, "IPv6 address lacks ']'");
      }
      addr = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty() && rest.charAt(0) != ' ' && rest.charAt(0) != ':') {
        throw unresolvable(c, host, "IPv6 address has wrong port separator");
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
    if (addr != null && addr.isEmpty() && service == null) {
      throw unresolvable(c, host, "Name or service not known");
    }
    boolean numericHost = addr == null || addr.isEmpty() || Addresses.parse(addr) != null;
    if (!numericHost && addr.matches("[0-9.]+")) {
      // Only digits and dots: getaddrinfo reads it as an address (inet_aton's forms) or not at all.
      if (!inetAton(addr)) {
        throw unresolvable(c, host, "Name or service not known");
      }
      numericHost = true;
    }
    if (!numericHost && !addr.matches("[A-Za-z0-9._-]+")) {
      // Not a host name DNS could answer for (RFC 1123 letters, digits, hyphens and dots).
      throw unresolvable(c, host, "Name or service not known");
    }
    boolean numericPort = service == null || service.matches("[ \\t]*[0-9]+");
    if (!numericPort && !service.matches("[A-Za-z][A-Za-z0-9-]*")) {
      throw unresolvable(c, host, "Servname not supported for ai_socktype");
    }
    if (!numericPort && KNOWN_SERVICES.contains(service)) {
      numericPort = true;
    }
    if (!numericHost || !numericPort) {
      c.notices.add(new Compilation.Notice(VclRules.HOST_NAME, host, "backend host " + host.quoted()
          + (port != null ? " port " + port.quoted() : "") + " is resolved by Varnish when it compiles the VCL;"
          + " opsbook does not look names up", null));
    }
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

  private static VccError unresolvable(Compilation c, Token host, String why) {
    return c.error(VclRules.BACKEND, "Backend host " + host.quoted() + " could not be resolved to an IP address:\n\t"
        + why, host);
  }
}

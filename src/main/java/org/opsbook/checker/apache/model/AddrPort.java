package org.opsbook.checker.apache.model;

import java.util.Optional;
import org.opsbook.checker.apache.text.IpAddresses;

/**
 * APR's reading of {@code host:port} (apr_parse_addr_port): trailing digits after a {@code :}
 * are the port (1 to 65535), digits alone are only a port, a host in brackets must be an IPv6
 * address, and any other host text is taken as it is (a name httpd resolves later).
 *
 * @param host the host, or {@code null} when only a port was given
 * @param port the port, {@code 0} when none was given
 */
public record AddrPort(String host, int port) {

  /** The address, or empty where APR returns EINVAL. */
  public static Optional<AddrPort> parse(String s) {
    if (s.isEmpty()) {
      return Optional.of(new AddrPort("", 0));
    }
    int last = s.length() - 1;
    int ch = last;
    while (ch >= 0 && Character.isDigit(s.charAt(ch)) && s.charAt(ch) < 128) {
      ch--;
    }
    if (ch < 0) {
      long p = s.length() > 9 ? Long.MAX_VALUE : Long.parseLong(s);
      return p >= 1 && p <= 65535 ? Optional.of(new AddrPort(null, (int) p)) : Optional.empty();
    }
    int port = 0;
    int hostEnd = last;
    if (s.charAt(ch) == ':' && ch < last) {
      if (ch == 0) {
        return Optional.empty();
      }
      String digits = s.substring(ch + 1);
      long p = digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
      if (p < 1 || p > 65535) {
        return Optional.empty();
      }
      port = (int) p;
      hostEnd = ch - 1;
    }
    String host = s.substring(0, hostEnd + 1);
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close != host.length() - 1) {
        return Optional.empty();
      }
      String inside = host.substring(1, close);
      int pct = inside.indexOf('%');
      if (pct == inside.length() - 1) {
        return Optional.empty();
      }
      String address = pct < 0 ? inside : inside.substring(0, pct);
      if (IpAddresses.parse(address).filter(IpAddresses.Address::isV6).isEmpty()) {
        return Optional.empty();
      }
      host = address;
    }
    return Optional.of(new AddrPort(host, port));
  }
}

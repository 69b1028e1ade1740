package org.opsbook.checker.apache.model;

import java.util.Optional;
import org.opsbook.checker.apache.text.IpAddresses;

/**
 * One address of a {@code <VirtualHost>} (vhost.c, get_addresses): {@code *}, {@code _default_},
 * an IP address or a host name, with a port, or any port for {@code :*} (port {@code 0}).
 *
 * @param host as written, brackets of an IPv6 address removed
 * @param port the port, {@code 0} for any
 * @param explicitPort whether a port was written (otherwise the server's default applies)
 */
public record VirtualHostAddress(String host, int port, boolean explicitPort) {

  public boolean isWildcard() {
    return host.equals("*") || host.equalsIgnoreCase("_default_");
  }

  public boolean isDefault() {
    return host.equalsIgnoreCase("_default_");
  }

  /** Whether the host is an IP address rather than a name httpd would resolve with DNS. */
  public boolean isNumeric() {
    return IpAddresses.parse(host).isPresent();
  }

  /**
   * Reads one address as apr_parse_addr_port does, or empty when httpd says "The address or port
   * is invalid" (see {@link #problem}).
   */
  public static Optional<VirtualHostAddress> parse(String word) {
    return problem(word).isPresent() ? Optional.empty() : Optional.of(read(word));
  }

  /** httpd's message for a refused address, or empty (vhost.c, get_addresses). */
  public static Optional<String> problem(String word) {
    if (word.isEmpty()) {
      return Optional.empty();
    }
    String w = stripAnyPort(word);
    Optional<AddrPort> a = AddrPort.parse(w);
    if (a.isEmpty()) {
      return Optional.of("The address or port is invalid");
    }
    if (a.get().host() == null) {
      return Optional.of("Missing address for VirtualHost");
    }
    return Optional.empty();
  }

  private static String stripAnyPort(String w) {
    if (w.endsWith("*") && w.length() >= 2 && w.charAt(w.length() - 2) == ':') {
      return w.substring(0, w.length() - 2);
    }
    return w;
  }

  private static VirtualHostAddress read(String word) {
    String w = stripAnyPort(word);
    boolean anyPort = !w.equals(word);
    if (word.equals("*")) {
      return new VirtualHostAddress("*", 0, false);
    }
    AddrPort a = AddrPort.parse(w).orElseThrow();
    return new VirtualHostAddress(a.host(), a.port(), anyPort || a.port() != 0);
  }

  @Override
  public String toString() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return port == 0 ? h + (explicitPort ? ":*" : "") : h + ":" + port;
  }
}

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
        addr = sep == 0 ? "" : text.substring(0, sep);
        service = text.substring(sep + 1);
      }
    }
    boolean numericHost = addr.isEmpty() || Addresses.parse(addr) != null;
    boolean numericPort = service == null || service.matches("[0-9]{1,5}") && Integer.parseInt(service) <= 65535;
    if (!numericHost || !numericPort) {
      c.notices.add(new Compilation.Notice(VclRules.HOST_NAME, host, "backend host " + host.quoted()
          + (port != null ? " port " + port.quoted() : "") + " is resolved by Varnish when it compiles the VCL;"
          + " opsbook does not look names up", null));
    }
  }

  private static VccError unresolvable(Compilation c, Token host, String why) {
    return c.error(VclRules.BACKEND, "Backend host " + host.quoted() + " could not be resolved to an IP address:\n\t"
        + why, host);
  }
}

package org.opsbook.checker.nginx.validate;

import java.util.OptionalLong;
import org.opsbook.checker.nginx.catalogue.Quantities;

/** IPv4 and IPv6 addresses and networks as ngx_ptocidr() reads them. Pure functions. */
public final class Cidr {
  private Cidr() {}

  public static boolean isNetwork(String s) {
    String addr = s;
    int slash = s.indexOf('/');
    if (slash >= 0) {
      addr = s.substring(0, slash);
      OptionalLong bits = Quantities.number(s.substring(slash + 1));
      if (bits.isEmpty() || bits.getAsLong() > (addr.contains(":") ? 128 : 32)) {
        return false;
      }
    }
    return addr.contains(":") ? isIpv6(addr) : isIpv4(addr);
  }

  public static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      OptionalLong n = Quantities.number(p);
      if (n.isEmpty() || n.getAsLong() > 255 || p.length() > 3) {
        return false;
      }
    }
    return true;
  }

  public static boolean isIpv6(String s) {
    if (!s.matches("[0-9A-Fa-f:.]+") || s.contains(":::")) {
      return false;
    }
    int doubles = s.split("::", -1).length - 1;
    if (doubles > 1) {
      return false;
    }
    String[] groups = s.split(":", -1);
    int count = 0;
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      if (g.isEmpty()) {
        continue;
      }
      if (i == groups.length - 1 && g.contains(".")) {
        if (!isIpv4(g)) {
          return false;
        }
        count += 2;
        continue;
      }
      if (g.length() > 4) {
        return false;
      }
      count++;
    }
    return doubles == 1 ? count < 8 : count == 8;
  }
}

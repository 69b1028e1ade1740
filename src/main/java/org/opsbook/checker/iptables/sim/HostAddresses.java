package org.opsbook.checker.iptables.sim;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.checker.iptables.model.Chain;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.iptables.model.Ruleset;

/**
 * The host's own IPv4 addresses, which decide whether a packet is delivered (INPUT) or forwarded.
 * Declared with the snippet's {@code host=ADDR[,ADDR...]} attribute (an entry may be
 * {@code IFACE:ADDR} to say which interface has it); without it, inferred from the rules: the
 * single-host {@code -d} addresses of filter INPUT rules and the SNAT sources.
 */
public record HostAddresses(List<String> interfaces, List<Long> addresses) {
  public HostAddresses {
    interfaces = List.copyOf(interfaces);
    addresses = List.copyOf(addresses);
  }

  public static HostAddresses declared(String attribute) {
    List<String> ifaces = new ArrayList<>();
    List<Long> addrs = new ArrayList<>();
    for (String part : attribute.split(",")) {
      String p = part.strip();
      String iface = "";
      int eq = p.indexOf('=');
      int colon = p.indexOf(':');
      int sep = eq >= 0 ? eq : colon;
      if (sep >= 0) {
        iface = p.substring(0, sep);
        p = p.substring(sep + 1);
      }
      long a = Addresses.parse(p.contains("/") ? p.substring(0, p.indexOf('/')) : p);
      if (a >= 0) {
        ifaces.add(iface);
        addrs.add(a);
      }
    }
    return new HostAddresses(ifaces, addrs);
  }

  public static HostAddresses inferred(Ruleset rules) {
    List<String> ifaces = new ArrayList<>();
    List<Long> addrs = new ArrayList<>();
    Chain input = rules.chain("filter", "INPUT").orElse(null);
    if (input != null) {
      for (Rule r : input.rules()) {
        if (r.destination() != null && !r.destination().negated() && !r.destination().value().contains("/")) {
          long a = Addresses.parse(r.destination().value());
          if (a >= 0 && !addrs.contains(a)) {
            ifaces.add(r.inInterface() == null || r.inInterface().negated() ? "" : r.inInterface().value());
            addrs.add(a);
          }
        }
      }
    }
    Chain post = rules.chain("nat", "POSTROUTING").orElse(null);
    if (post != null) {
      for (Rule r : post.rules()) {
        String to = r.target() == null ? null : r.target().option("to-source").map(o -> o.arg()).orElse(null);
        long a = to == null ? -1 : Addresses.parse(to.split("[-:]")[0]);
        if (a >= 0 && !addrs.contains(a)) {
          ifaces.add(r.outInterface() == null || r.outInterface().negated() ? "" : r.outInterface().value());
          addrs.add(a);
        }
      }
    }
    return new HostAddresses(ifaces, addrs);
  }

  public boolean isLocal(long addr) {
    return addresses.contains(addr);
  }

  /** The address of an interface, else the first host address, else 0.0.0.0 (unknown). */
  public long primaryFor(String iface) {
    for (int i = 0; i < addresses.size(); i++) {
      if (interfaces.get(i).equals(iface)) {
        return addresses.get(i);
      }
    }
    return addresses.isEmpty() ? 0 : addresses.get(0);
  }
}

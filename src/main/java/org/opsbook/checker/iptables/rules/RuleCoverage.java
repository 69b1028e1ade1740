package org.opsbook.checker.iptables.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.opsbook.checker.iptables.model.Match;
import org.opsbook.checker.iptables.model.Operand;
import org.opsbook.checker.iptables.model.OptionValue;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.iptables.sim.Addresses;

/** Whether a rule ends the walk of its chain and which packets one rule covers of another's: the questions several lint rules ask. */
final class RuleCoverage {
  private RuleCoverage() {}

  /** Targets after which the packet leaves the chain for good. */
  static final Set<String> TERMINATING = Set.of("ACCEPT", "DROP", "REJECT", "RETURN", "DNAT", "SNAT", "REDIRECT", "MASQUERADE", "QUEUE");

  /** Matches whose result depends on history or rate, so they never match "everything". */
  static final Set<String> STATEFUL = Set.of("limit", "recent", "hashlimit", "connlimit", "set", "mark", "connmark", "owner", "addrtype");

  static boolean isTerminating(Rule r) {
    return r.target() != null && TERMINATING.contains(r.target().name()) && !r.target().isGoto();
  }

  /** A rule with no criteria at all: every packet reaching it matches. */
  static boolean matchesEverything(Rule r) {
    return r.protocol() == null && r.source() == null && r.destination() == null && r.inInterface() == null
        && r.outInterface() == null && !r.fragment() && r.matches().stream().allMatch(m -> m.module().equals("comment"));
  }

  /** Whether every packet matching {@code later} also matches {@code earlier}. */
  static boolean covers(Rule earlier, Rule later) {
    if (!operandCovers(earlier.protocol(), later.protocol(), false)
        || !operandCovers(earlier.source(), later.source(), true)
        || !operandCovers(earlier.destination(), later.destination(), true)
        || !ifaceCovers(earlier.inInterface(), later.inInterface())
        || !ifaceCovers(earlier.outInterface(), later.outInterface())
        || (earlier.fragment() && !later.fragment())) {
      return false;
    }
    for (Match m : earlier.matches()) {
      if (m.module().equals("comment")) {
        continue;
      }
      if (STATEFUL.contains(m.module()) || m.opaque()) {
        return false;
      }
      for (OptionValue o : m.options()) {
        OptionValue other = later.matchOption(o.name()).orElse(null);
        if (other == null || other.negated() != o.negated() || !valueCovers(o, other)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean operandCovers(Operand a, Operand b, boolean address) {
    if (a == null) {
      return true;
    }
    if (b == null || a.negated() != b.negated() || a.value().equals("$") || b.value().equals("$")) {
      return false;
    }
    if (a.value().equalsIgnoreCase(b.value())) {
      return true;
    }
    if (address && !a.negated()) {
      return Addresses.cidrContains(a.value(), b.value());
    }
    return false;
  }

  private static boolean ifaceCovers(Operand a, Operand b) {
    if (a == null) {
      return true;
    }
    if (b == null || a.negated() != b.negated() || a.negated() || a.value().equals("$")) {
      return b != null && a.value().equals(b.value()) && a.negated() == b.negated();
    }
    return a.value().endsWith("+") ? b.value().startsWith(a.value().substring(0, a.value().length() - 1)) : a.value().equals(b.value());
  }

  private static boolean valueCovers(OptionValue a, OptionValue b) {
    if (a.args().equals(b.args())) {
      return true;
    }
    String n = a.name();
    if (n.equals("state") || n.equals("ctstate")) {
      List<String> as = Arrays.asList(a.arg().split(","));
      return !a.negated() && as.containsAll(Arrays.asList(b.arg().split(",")));
    }
    if (n.equals("destination-port") || n.equals("source-port")) {
      int[] ra = portRange(a.arg());
      int[] rb = portRange(b.arg());
      return ra != null && rb != null && !a.negated() && ra[0] <= rb[0] && rb[1] <= ra[1];
    }
    return false;
  }

  static int[] portRange(String v) {
    try {
      int i = v.indexOf(':');
      if (i < 0) {
        int p = Integer.parseInt(v);
        return new int[] {p, p};
      }
      String lo = v.substring(0, i);
      String hi = v.substring(i + 1);
      return new int[] {lo.isEmpty() ? 0 : Integer.parseInt(lo), hi.isEmpty() ? 65535 : Integer.parseInt(hi)};
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

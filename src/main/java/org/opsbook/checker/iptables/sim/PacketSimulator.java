package org.opsbook.checker.iptables.sim;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.checker.iptables.model.Chain;
import org.opsbook.checker.iptables.model.OptionValue;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.iptables.model.RuleFormatter;
import org.opsbook.checker.iptables.model.Ruleset;

/**
 * Walks one packet through the netfilter hooks, table by table, as the kernel orders them:
 * PREROUTING (raw, mangle, nat), the routing decision, INPUT (mangle, filter, nat) or FORWARD
 * (mangle, filter), and for the host's own packets OUTPUT (raw, mangle, nat, filter); then
 * POSTROUTING (mangle, nat). nat chains see only packets of NEW connections, as the kernel
 * consults them once per connection. A plain interpreter: stateless, records in and out.
 */
public final class PacketSimulator {
  private static final int MAX_STEPS = 10_000;

  private final Ruleset rules;
  private final HostAddresses host;
  private final boolean routeLocalnet;
  private final RuleMatcher matcher;

  /**
   * @param routeLocalnet whether route_localnet is on, so DNAT to 127.0.0.0/8 from another
   *     interface is delivered rather than dropped as martian
   */
  public PacketSimulator(Ruleset rules, HostAddresses host, boolean routeLocalnet) {
    this.rules = rules;
    this.host = host;
    this.routeLocalnet = routeLocalnet;
    this.matcher = new RuleMatcher(host);
  }

  /** Mutable walk state, local to one {@link #simulate} call. */
  private static final class Walk {
    Packet packet;
    final List<String> events = new ArrayList<>();
    final List<String> trace = new ArrayList<>();
    String finalAction;
    int steps;
  }

  public Verdict simulate(Packet start) {
    Walk w = new Walk();
    w.packet = start;
    if (start.in() != null) {
      if (!hook(w, "PREROUTING", List.of("raw", "mangle", "nat"))) {
        return done(w);
      }
      if (isLocal(w.packet.destination())) {
        if (isLoopback(w.packet.destination()) && !"lo".equals(start.in()) && !routeLocalnet) {
          w.trace.add("routing: " + Addresses.format(w.packet.destination()) + " is a loopback address arriving on " + start.in()
              + "; without route_localnet the kernel drops it as martian");
          w.finalAction = "DROP";
          return done(w);
        }
        w.trace.add("routing: " + Addresses.format(w.packet.destination()) + " is local -> INPUT");
        if (!hook(w, "INPUT", List.of("mangle", "filter", "security", "nat"))) {
          return done(w);
        }
      } else {
        w.trace.add("routing: " + Addresses.format(w.packet.destination()) + " is not local -> FORWARD"
            + (w.packet.out() == null ? "" : " via " + w.packet.out()));
        if (!hook(w, "FORWARD", List.of("mangle", "filter", "security"))) {
          return done(w);
        }
        if (!hook(w, "POSTROUTING", List.of("mangle", "nat"))) {
          return done(w);
        }
      }
      w.finalAction = "ACCEPT";
      return done(w);
    }
    if (w.packet.out() == null && isLocal(w.packet.destination())) {
      w.packet = w.packet.withInterfaces(null, "lo");
    }
    if (!hook(w, "OUTPUT", List.of("raw", "mangle", "nat", "filter", "security"))) {
      return done(w);
    }
    if (isLocal(w.packet.destination()) && !"lo".equals(w.packet.out())) {
      w.packet = w.packet.withInterfaces(null, "lo");
    }
    if (!hook(w, "POSTROUTING", List.of("mangle", "nat"))) {
      return done(w);
    }
    if (isLocal(w.packet.destination())) {
      // delivered over loopback: it comes back in through lo; its NAT is already decided
      w.trace.add("routing: " + Addresses.format(w.packet.destination()) + " is local -> back in on lo");
      w.packet = w.packet.withInterfaces("lo", null);
      if (!hook(w, "PREROUTING", List.of("raw", "mangle")) || !hook(w, "INPUT", List.of("mangle", "filter", "security"))) {
        return done(w);
      }
    }
    w.finalAction = "ACCEPT";
    return done(w);
  }

  private Verdict done(Walk w) {
    w.trace.add("verdict: " + w.finalAction);
    return new Verdict(w.finalAction, w.events, w.trace);
  }

  private boolean isLocal(long addr) {
    return isLoopback(addr) || host.isLocal(addr);
  }

  private static boolean isLoopback(long addr) {
    return (addr >>> 24) == 127;
  }

  /** Runs the tables of one hook; false when the packet's fate is decided. */
  private boolean hook(Walk w, String hookName, List<String> tables) {
    for (String table : tables) {
      Chain chain = rules.chain(table, hookName).orElse(null);
      if (chain == null) {
        continue;
      }
      if (table.equals("nat") && !"NEW".equals(w.packet.state())) {
        if ("ESTABLISHED".equals(w.packet.state())) {
          replayConnectionNat(w, chain, hookName);
        }
        continue;
      }
      String result = runChain(w, table, chain, hookName);
      if (result.equals("ACCEPT")) {
        continue;
      }
      w.finalAction = result;
      return false;
    }
    return true;
  }

  /**
   * The kernel consults nat chains only for a connection's first packet and applies the same
   * rewrite to the rest of it. For an ESTABLISHED packet, the chain is run for the connection's
   * first packet (NEW, a SYN for TCP) and its rewrite applied; the model assumes the packet goes
   * in the connection's original direction.
   */
  private void replayConnectionNat(Walk w, Chain chain, String hookName) {
    Walk first = new Walk();
    first.packet = w.packet.withState("NEW").withoutExtra("flags");
    String result = runChain(first, "nat", chain, hookName);
    if (first.events.isEmpty() || !result.equals("ACCEPT")) {
      return;
    }
    w.trace.add("nat " + chain.name() + ": ESTABLISHED, so the connection's NAT applies, as decided for its first packet:");
    first.trace.forEach(t -> w.trace.add("  " + t));
    w.events.addAll(first.events);
    Packet rewritten = first.packet;
    w.packet = w.packet.withSource(rewritten.source(), rewritten.sourcePort())
        .withDestination(rewritten.destination(), rewritten.destinationPort());
  }

  /** Returns ACCEPT to continue with the next table, or the final action. */
  private String runChain(Walk w, String table, Chain builtin, String hookName) {
    record Frame(Chain chain, int next) {}
    List<Frame> stack = new ArrayList<>();
    Chain current = builtin;
    int index = 0;
    while (true) {
      if (++w.steps > MAX_STEPS) {
        w.trace.add(table + " " + builtin.name() + ": more than " + MAX_STEPS + " rules on one path; stopping");
        return "UNKNOWN";
      }
      if (index >= current.rules().size()) {
        if (stack.isEmpty()) {
          if (!builtin.rules().isEmpty() || !"ACCEPT".equals(builtin.policy())) {
            w.trace.add(table + " " + builtin.name() + ": no rule decided, policy " + builtin.policy());
          }
          return builtin.policy() == null ? "ACCEPT" : builtin.policy();
        }
        Frame f = stack.remove(stack.size() - 1);
        current = f.chain();
        index = f.next();
        continue;
      }
      Rule r = current.rules().get(index++);
      String why = matcher.matches(r, w.packet, hookName);
      if (why == null) {
        continue;
      }
      if (why.equals("?")) {
        w.trace.add(where(table, current, r) + " depends on a value opsbook does not know");
        return "UNKNOWN";
      }
      w.trace.add(where(table, current, r));
      String t = r.targetName();
      switch (t) {
        case "" -> { }
        case "ACCEPT" -> {
          return "ACCEPT";
        }
        case "DROP", "QUEUE" -> {
          return t;
        }
        case "REJECT" -> {
          return "REJECT";
        }
        case "RETURN" -> {
          if (stack.isEmpty()) {
            w.trace.add(table + " " + builtin.name() + ": RETURN from the built-in chain, policy " + builtin.policy());
            return builtin.policy() == null ? "ACCEPT" : builtin.policy();
          }
          Frame f = stack.remove(stack.size() - 1);
          current = f.chain();
          index = f.next();
        }
        case "LOG" -> w.events.add(r.target().option("log-prefix").map(o -> "LOG \"" + o.arg() + "\"").orElse("LOG"));
        case "MARK" -> w.packet = w.packet.withExtra("mark", r.target().options().isEmpty() ? "0" : r.target().options().get(0).arg());
        case "CT", "NOTRACK" -> {
          if (t.equals("NOTRACK") || r.target().option("notrack").isPresent()) {
            w.packet = w.packet.withState("UNTRACKED");
          }
        }
        case "DNAT", "REDIRECT", "SNAT", "MASQUERADE" -> {
          nat(w, r, hookName);
          return "ACCEPT";
        }
        case "$" -> {
          return "UNKNOWN";
        }
        default -> {
          Chain target = rules.chain(table, t).orElse(null);
          if (target == null) {
            continue; // CONNMARK, TCPMSS and other non-terminating targets
          }
          if (target == current || stack.stream().anyMatch(f -> f.chain() == target)) {
            // the kernel refuses the rule that closes such a loop; the checker reports it
            w.trace.add(table + " " + current.name() + ": " + t + " jumps back into a chain it was called from; the kernel refuses such loops");
            return "UNKNOWN";
          }
          if (!r.target().isGoto()) {
            stack.add(new Frame(current, index));
          }
          current = target;
          index = 0;
        }
      }
    }
  }

  private static String where(String table, Chain c, Rule r) {
    return table + " " + c.name() + " line " + r.fileLine() + ": " + RuleFormatter.spec(r);
  }

  private void nat(Walk w, Rule r, String hookName) {
    Packet p = w.packet;
    boolean ports = p.hasPorts();
    switch (r.targetName()) {
      case "DNAT" -> {
        String to = r.target().option("to-destination").map(OptionValue::arg).orElse("");
        long addr = p.destination();
        int port = p.destinationPort();
        String[] ap = splitNat(to);
        if (!ap[0].isEmpty() && Addresses.parse(ap[0].split("-")[0]) >= 0) {
          addr = Addresses.parse(ap[0].split("-")[0]);
        }
        if (ap[1] != null) {
          port = number(ap[1].split("-")[0], port);
        }
        rewriteDestination(w, "DNAT", addr, port);
      }
      case "REDIRECT" -> {
        // iptables-extensions(8) REDIRECT: 127.0.0.1 for local packets, else the incoming interface's primary address
        long addr = hookName.equals("OUTPUT") ? Addresses.parse("127.0.0.1") : host.primaryFor(p.in());
        int port = r.target().option("to-ports").map(o -> number(o.arg().split("-")[0], p.destinationPort())).orElse(p.destinationPort());
        rewriteDestination(w, "REDIRECT", addr, port);
      }
      case "SNAT" -> {
        String[] ap = splitNat(r.target().option("to-source").map(OptionValue::arg).orElse(""));
        long parsed = ap[0].isEmpty() ? -1 : Addresses.parse(ap[0].split("-")[0]);
        long addr = parsed < 0 ? p.source() : parsed;
        int port = ap[1] == null ? p.sourcePort() : number(ap[1].split("-")[0], p.sourcePort());
        w.packet = p.withSource(addr, port);
        w.events.add("SNAT " + Packet.endpoint(addr, port, ports && ap[1] != null));
        w.trace.add("  SNAT " + Packet.endpoint(p.source(), p.sourcePort(), ports) + " -> " + Packet.endpoint(addr, port, ports));
      }
      case "MASQUERADE" -> {
        long addr = host.primaryFor(p.out());
        w.packet = p.withSource(addr, p.sourcePort());
        w.events.add("MASQUERADE " + Addresses.format(addr));
        w.trace.add("  MASQUERADE source " + Addresses.format(p.source()) + " -> " + Addresses.format(addr) + " (address of " + (p.out() == null ? "the outgoing interface" : p.out()) + ")");
      }
      default -> { }
    }
  }

  private void rewriteDestination(Walk w, String kind, long addr, int port) {
    Packet p = w.packet;
    boolean ports = p.hasPorts();
    w.packet = p.withDestination(addr, port);
    w.events.add("DNAT " + Packet.endpoint(addr, port, ports));
    w.trace.add("  " + kind + " " + Packet.endpoint(p.destination(), p.destinationPort(), ports) + " -> " + Packet.endpoint(addr, port, ports));
  }

  /** A port number as written, or the fallback when it is not one (an unknown shell value). */
  private static int number(String v, int fallback) {
    if (v.isEmpty() || v.length() > 5 || !v.chars().allMatch(Character::isDigit)) {
      return fallback;
    }
    return Integer.parseInt(v);
  }

  /** {@code [address part, port part or null]} of a NAT target's address. */
  private static String[] splitNat(String v) {
    int colon = v.lastIndexOf(':');
    if (colon < 0) {
      return new String[] {v, null};
    }
    return new String[] {v.substring(0, colon), v.substring(colon + 1)};
  }

}

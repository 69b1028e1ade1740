package org.opsbook.checker.iptables.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opsbook.checker.iptables.model.Chain;
import org.opsbook.checker.iptables.model.Match;
import org.opsbook.checker.iptables.model.Operand;
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

  /**
   * @param routeLocalnet whether route_localnet is on, so DNAT to 127.0.0.0/8 from another
   *     interface is delivered rather than dropped as martian
   */
  public PacketSimulator(Ruleset rules, HostAddresses host, boolean routeLocalnet) {
    this.rules = rules;
    this.host = host;
    this.routeLocalnet = routeLocalnet;
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
      if (table.equals("nat") && !"NEW".equals(w.packet.state())) {
        continue;
      }
      Chain chain = rules.chain(table, hookName).orElse(null);
      if (chain == null) {
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

  /** Returns ACCEPT to continue with the next table, or the final action. */
  private String runChain(Walk w, String table, Chain builtin, String hookName) {
    record Frame(Chain chain, int next) {}
    List<Frame> stack = new ArrayList<>();
    Chain current = builtin;
    int index = 0;
    while (true) {
      if (++w.steps > MAX_STEPS) {
        w.trace.add(table + " " + builtin.name() + ": the rules loop; stopping");
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
      String why = matches(r, w.packet, hookName);
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
        case "LOG" -> w.events.size();
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
    return table + " " + c.name() + " line " + r.line() + ": " + RuleFormatter.spec(r);
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
        if (!ap[0].isEmpty()) {
          addr = Addresses.parse(ap[0].split("-")[0]);
        }
        if (ap[1] != null) {
          port = Integer.parseInt(ap[1].split("-")[0]);
        }
        rewriteDestination(w, "DNAT", addr, port);
      }
      case "REDIRECT" -> {
        // iptables-extensions(8) REDIRECT: 127.0.0.1 for local packets, else the incoming interface's primary address
        long addr = hookName.equals("OUTPUT") ? Addresses.parse("127.0.0.1") : host.primaryFor(p.in());
        int port = r.target().option("to-ports").map(o -> Integer.parseInt(o.arg().split("-")[0])).orElse(p.destinationPort());
        rewriteDestination(w, "REDIRECT", addr, port);
      }
      case "SNAT" -> {
        String[] ap = splitNat(r.target().option("to-source").map(OptionValue::arg).orElse(""));
        long addr = ap[0].isEmpty() ? p.source() : Addresses.parse(ap[0].split("-")[0]);
        int port = ap[1] == null ? p.sourcePort() : Integer.parseInt(ap[1].split("-")[0]);
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

  /** {@code [address part, port part or null]} of a NAT target's address. */
  private static String[] splitNat(String v) {
    int colon = v.lastIndexOf(':');
    if (colon < 0) {
      return new String[] {v, null};
    }
    return new String[] {v.substring(0, colon), v.substring(colon + 1)};
  }

  /** {@code null} when the rule does not match, "?" when it depends on an unknown value, else "". */
  private String matches(Rule r, Packet p, String hookName) {
    if (r.protocol() != null) {
      String proto = r.protocol().value().toLowerCase(Locale.ROOT);
      if (proto.equals("$")) {
        return "?";
      }
      boolean m = proto.equals("all") || proto.equals("0") || proto.equals(p.protocol()) || number(p.protocol()).equals(proto);
      if (m == r.protocol().negated()) {
        return null;
      }
    }
    if (!addressMatches(r.source(), p.source()) || !addressMatches(r.destination(), p.destination())) {
      return null;
    }
    if (isUnknown(r.source()) || isUnknown(r.destination()) || isUnknown(r.inInterface()) || isUnknown(r.outInterface())) {
      return "?";
    }
    if (!ifaceMatches(r.inInterface(), p.in()) || !ifaceMatches(r.outInterface(), p.out())) {
      return null;
    }
    if (r.fragment()) {
      return null;
    }
    for (Match m : r.matches()) {
      for (OptionValue o : m.options()) {
        Boolean ok = optionMatches(m.module(), o, p, hookName);
        if (ok == null) {
          return "?";
        }
        if (ok == o.negated()) {
          return null;
        }
      }
      if (m.module().equals("recent") && (m.option("rcheck").isPresent() || m.option("update").isPresent())) {
        return null; // no earlier packet was recorded in this single-packet model
      }
    }
    return "";
  }

  private static boolean isUnknown(Operand o) {
    return o != null && o.value().equals("$");
  }

  private static String number(String proto) {
    return switch (proto) {
      case "tcp" -> "6";
      case "udp" -> "17";
      case "icmp" -> "1";
      default -> proto;
    };
  }

  private static boolean addressMatches(Operand o, long addr) {
    if (o == null || o.value().equals("$")) {
      return true;
    }
    return Addresses.matches(o.value(), addr) != o.negated();
  }

  private static boolean ifaceMatches(Operand o, String iface) {
    if (o == null) {
      return true;
    }
    boolean m = iface != null && (o.value().endsWith("+") ? iface.startsWith(o.value().substring(0, o.value().length() - 1)) : o.value().equals(iface));
    return m != o.negated();
  }

  private static final Set<String> ALWAYS = Set.of("comment", "limit", "hashlimit-upto", "hashlimit-burst", "hashlimit-mode",
      "hashlimit-name", "hashlimit-srcmask", "hashlimit-dstmask", "set", "name", "rsource", "rdest", "seconds", "hitcount",
      "reap", "rttl", "mask", "limit-burst", "connlimit-upto", "connlimit-mask", "connlimit-saddr", "connlimit-daddr",
      "log-prefix", "hashlimit-htable-size", "hashlimit-htable-max", "hashlimit-htable-expire", "hashlimit-htable-gcinterval",
      "suppl-groups", "limit-iface-in", "limit-iface-out", "rcheck", "update", "remove");

  /** Whether one option matches; {@code null} when the model cannot tell. Negation is applied by the caller. */
  private Boolean optionMatches(String module, OptionValue o, Packet p, String hookName) {
    String v = o.arg();
    if (ALWAYS.contains(o.name())) {
      return !o.negated();
    }
    return switch (o.name()) {
      case "destination-port" -> portIn(v, p.destinationPort());
      case "source-port" -> portIn(v, p.sourcePort());
      case "destination-ports" -> anyPort(v, p.destinationPort());
      case "source-ports" -> anyPort(v, p.sourcePort());
      case "ports" -> anyPort(v, p.destinationPort()) || anyPort(v, p.sourcePort());
      case "syn" -> flags(p).equals(Set.of("SYN"));
      case "tcp-flags" -> tcpFlags(o.args(), flags(p));
      case "state", "ctstate" -> List.of(v.toUpperCase(Locale.ROOT).split(",")).contains(p.state());
      case "icmp-type" -> icmpType(v, p);
      case "src-range" -> inRange(v, p.source());
      case "dst-range" -> inRange(v, p.destination());
      case "mac-source" -> v.equalsIgnoreCase(p.extra().getOrDefault("mac", ""));
      case "uid-owner" -> idIn(v, p.extra().get("uid"));
      case "gid-owner" -> idIn(v, p.extra().get("gid"));
      case "socket-exists" -> p.in() == null;
      case "mark" -> markMatches(v, p.extra().getOrDefault("mark", "0"));
      case "connlimit-above", "hashlimit-above" -> false;
      case "dst-type" -> v.contains("LOCAL") ? isLocal(p.destination()) : v.contains("UNICAST") || null == null;
      case "src-type" -> v.contains("LOCAL") ? isLocal(p.source()) : !v.contains("LOCAL");
      case "pkt-type" -> v.equalsIgnoreCase(p.extra().getOrDefault("pkt-type", "unicast"));
      case "ctproto" -> v.equalsIgnoreCase(p.protocol());
      case "ctorigdst" -> Addresses.matches(v, p.destination());
      case "ctorigsrc" -> Addresses.matches(v, p.source());
      case "set-mark" -> true;
      default -> null;
    };
  }

  private static Set<String> flags(Packet p) {
    String f = p.extra().get("flags");
    if (f != null) {
      return Set.copyOf(List.of(f.toUpperCase(Locale.ROOT).split(",")));
    }
    if (!p.protocol().equals("tcp")) {
      return Set.of();
    }
    return "NEW".equals(p.state()) ? Set.of("SYN") : Set.of("ACK");
  }

  private static boolean tcpFlags(List<String> args, Set<String> set) {
    Set<String> mask = expand(args.get(0));
    Set<String> comp = expand(args.get(1));
    for (String f : mask) {
      if (set.contains(f) != comp.contains(f)) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> expand(String list) {
    java.util.TreeSet<String> s = new java.util.TreeSet<>();
    for (String f : list.toUpperCase(Locale.ROOT).split(",")) {
      if (f.equals("ALL")) {
        s.addAll(List.of("SYN", "ACK", "FIN", "RST", "URG", "PSH"));
      } else if (!f.equals("NONE")) {
        s.add(f);
      }
    }
    return s;
  }

  private static boolean portIn(String v, int port) {
    int i = v.indexOf(':');
    if (i < 0) {
      return portNumber(v) == port;
    }
    int lo = i == 0 ? 0 : portNumber(v.substring(0, i));
    int hi = i == v.length() - 1 ? 65535 : portNumber(v.substring(i + 1));
    return port >= lo && port <= hi;
  }

  private static int portNumber(String v) {
    if (v.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(v);
    }
    return switch (v) {
      case "ssh" -> 22; case "http", "www" -> 80; case "https" -> 443; case "domain" -> 53; case "smtp" -> 25;
      case "submission" -> 587; case "ntp" -> 123; case "imaps" -> 993; case "ftp" -> 21; case "telnet" -> 23;
      default -> -1;
    };
  }

  private static boolean anyPort(String list, int port) {
    for (String p : list.split(",")) {
      if (portIn(p, port)) {
        return true;
      }
    }
    return false;
  }

  private static boolean icmpType(String v, Packet p) {
    String type = p.extra().getOrDefault("icmp-type", "echo-request");
    return v.equals("any") || v.equals(type) || (v.equals("ping") && type.equals("echo-request"))
        || (v.equals("echo-request") && type.equals("ping")) || (v.equals("8") && type.equals("echo-request"));
  }

  private static boolean inRange(String v, long addr) {
    String[] ends = v.split("-");
    long lo = Addresses.parse(ends[0]);
    long hi = ends.length > 1 ? Addresses.parse(ends[1]) : lo;
    return addr >= lo && addr <= hi;
  }

  private static Boolean idIn(String v, String id) {
    if (id == null) {
      return false;
    }
    if (v.equals(id)) {
      return true;
    }
    if (v.matches("\\d+-\\d+") && id.matches("\\d+")) {
      String[] r = v.split("-");
      long n = Long.parseLong(id);
      return n >= Long.parseLong(r[0]) && n <= Long.parseLong(r[1]);
    }
    return v.matches("\\d+(-\\d+)?") || id.matches("\\d+") ? false : null;
  }

  private static boolean markMatches(String v, String mark) {
    String[] p = v.split("/");
    long value = Long.decode(p[0]);
    long mask = p.length > 1 ? Long.decode(p[1]) : 0xFFFFFFFFL;
    long m;
    try {
      m = Long.decode(mark);
    } catch (NumberFormatException e) {
      return false;
    }
    return (m & mask) == value;
  }
}

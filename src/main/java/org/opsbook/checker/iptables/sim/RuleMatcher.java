package org.opsbook.checker.iptables.sim;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opsbook.checker.iptables.model.Match;
import org.opsbook.checker.iptables.model.Operand;
import org.opsbook.checker.iptables.model.OptionValue;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.net.ServicePorts;

/**
 * Decides whether one rule's criteria match a packet, criterion by criterion, as the kernel's
 * matches would. ArgumentChecks the model cannot know (shell variables, host names) make the answer
 * "unknown" rather than a guess. Stateless apart from the host's addresses.
 */
final class RuleMatcher {
  private final HostAddresses host;

  RuleMatcher(HostAddresses host) {
    this.host = host;
  }

  private boolean isLocal(long addr) {
    return (addr >>> 24) == 127 || host.isLocal(addr);
  }

  /** {@code null} when the rule does not match, "?" when it depends on an unknown value, else "". */
  String matches(Rule r, Packet p, String hookName) {
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
      if (m.opaque()) {
        return "?"; // a match opsbook does not model: whether it matches is unknown
      }
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

  private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d+");
  private static final java.util.regex.Pattern ID_RANGE = java.util.regex.Pattern.compile("(\\d+)(?:-(\\d+))?");

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
      case "dst-type" -> addressType(v, p.destination());
      case "src-type" -> addressType(v, p.source());
      case "pkt-type" -> v.equalsIgnoreCase(p.extra().getOrDefault("pkt-type", "unicast"));
      case "ctproto" -> v.equalsIgnoreCase(p.protocol());
      case "ctorigdst" -> Addresses.matches(v, p.destination());
      case "ctorigsrc" -> Addresses.matches(v, p.source());
      case "set-mark" -> true;
      default -> null;
    };
  }

  /** addrtype: whether the address has one of the listed types; {@code null} for types the model does not track. */
  private Boolean addressType(String types, long addr) {
    boolean multicast = (addr >>> 28) == 0xE;
    boolean broadcast = addr == 0xFFFFFFFFL;
    boolean unknown = false;
    for (String t : types.toUpperCase(Locale.ROOT).split(",")) {
      switch (t) {
        case "LOCAL" -> {
          if (isLocal(addr)) {
            return true;
          }
        }
        case "MULTICAST" -> {
          if (multicast) {
            return true;
          }
        }
        case "BROADCAST" -> {
          if (broadcast) {
            return true;
          }
        }
        case "UNICAST" -> {
          if (!multicast && !broadcast) {
            return true;
          }
        }
        default -> unknown = true;
      }
    }
    return unknown ? null : false;
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
    if (!v.isEmpty() && v.length() <= 5 && v.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(v);
    }
    return ServicePorts.port(v);
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
    if (v.equals("$")) {
      return null;
    }
    java.math.BigInteger n = DIGITS.matcher(id).matches() ? new java.math.BigInteger(id) : null;
    java.util.regex.Matcher range = ID_RANGE.matcher(v);
    if (range.matches() && n != null) {
      java.math.BigInteger lo = new java.math.BigInteger(range.group(1));
      java.math.BigInteger hi = range.group(2) == null ? lo : new java.math.BigInteger(range.group(2));
      return n.compareTo(lo) >= 0 && n.compareTo(hi) <= 0;
    }
    return range.matches() || n != null ? false : null;
  }

  private static Boolean markMatches(String v, String mark) {
    String[] p = v.split("/");
    try {
      long value = Long.decode(p[0]);
      long mask = p.length > 1 ? Long.decode(p[1]) : 0xFFFFFFFFL;
      return (Long.decode(mark) & mask) == value;
    } catch (NumberFormatException e) {
      return null; // a shell value or a mark wider than 32 bits: the model cannot tell
    }
  }
}

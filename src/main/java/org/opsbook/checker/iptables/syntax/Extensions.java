package org.opsbook.checker.iptables.syntax;

import static org.opsbook.checker.iptables.syntax.ArgumentKind.*;
import static org.opsbook.checker.iptables.syntax.OptionSpec.flag;
import static org.opsbook.checker.iptables.syntax.OptionSpec.negatable;
import static org.opsbook.checker.iptables.syntax.OptionSpec.negatableFlag;
import static org.opsbook.checker.iptables.syntax.OptionSpec.of;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The match and target extensions opsbook knows, from iptables-extensions(8) of iptables 1.8. */
final class Extensions {
  private Extensions() {}

  private static final OptionSpec SPORT = negatable("source-port", PORT_RANGE, "sport");
  private static final OptionSpec DPORT = negatable("destination-port", PORT_RANGE, "dport");

  static final Map<String, Extension> MATCHES = index(List.of(
      Extension.of("tcp", SPORT, DPORT,
          new OptionSpec("tcp-flags", List.of(), 2, TCP_FLAGS, true),
          negatableFlag("syn"), negatable("tcp-option", UINT)).forProtocols("tcp"),
      Extension.of("udp", SPORT, DPORT).forProtocols("udp"),
      Extension.of("sctp", SPORT, DPORT, negatable("chunk-types", ANY)).forProtocols("sctp"),
      Extension.of("dccp", SPORT, DPORT, negatable("dccp-types", ANY), negatable("dccp-option", UINT))
          .forProtocols("dccp"),
      Extension.of("icmp", negatable("icmp-type", ICMP_TYPE)).forProtocols("icmp"),
      Extension.of("icmp6", negatable("icmpv6-type", ICMPV6_TYPE)).forProtocols("icmpv6"),
      Extension.of("multiport",
          negatable("source-ports", PORT_LIST, "sports"),
          negatable("destination-ports", PORT_LIST, "dports"),
          negatable("ports", PORT_LIST)).forProtocols("tcp", "udp", "udplite", "sctp", "dccp"),
      Extension.of("state", negatable("state", STATES)),
      Extension.of("conntrack",
          negatable("ctstate", CTSTATES), negatable("ctproto", PROTOCOL),
          negatable("ctorigsrc", ADDRESS), negatable("ctorigdst", ADDRESS),
          negatable("ctreplsrc", ADDRESS), negatable("ctrepldst", ADDRESS),
          negatable("ctorigsrcport", PORT_RANGE), negatable("ctorigdstport", PORT_RANGE),
          negatable("ctreplsrcport", PORT_RANGE), negatable("ctrepldstport", PORT_RANGE),
          negatable("ctstatus", CTSTATUS), negatable("ctexpire", NUMBER_RANGE), of("ctdir", CT_DIRECTION)),
      Extension.of("comment", of("comment", COMMENT)),
      Extension.of("limit", of("limit", RATE), of("limit-burst", UINT)),
      Extension.of("recent",
          of("name", ANY), negatableFlag("set"), negatableFlag("rcheck"), negatableFlag("update"),
          negatableFlag("remove"), flag("rsource"), flag("rdest"), of("seconds", UINT), flag("reap"),
          of("hitcount", UINT), flag("rttl"), of("mask", ADDRESS)),
      Extension.of("iprange", negatable("src-range", IP_RANGE), negatable("dst-range", IP_RANGE)),
      Extension.of("mac", negatable("mac-source", MAC)).inHooks("PREROUTING", "INPUT", "FORWARD"),
      Extension.of("owner",
          negatable("uid-owner", OWNER_ID), negatable("gid-owner", OWNER_ID), negatableFlag("socket-exists"),
          flag("suppl-groups")).inHooks("OUTPUT", "POSTROUTING"),
      Extension.of("set",
          new OptionSpec("match-set", List.of(), 2, SET_FLAGS, true), flag("return-nomatch"),
          negatableFlag("update-counters"), negatableFlag("update-subcounters"),
          negatable("packets-eq", UINT), of("packets-lt", UINT), of("packets-gt", UINT),
          negatable("bytes-eq", UINT), of("bytes-lt", UINT), of("bytes-gt", UINT)),
      Extension.of("mark", negatable("mark", MARK)),
      Extension.of("connmark", negatable("mark", MARK)),
      Extension.of("connlimit",
          of("connlimit-upto", UINT), of("connlimit-above", UINT), of("connlimit-mask", PREFIX_OR_MASK),
          flag("connlimit-saddr"), flag("connlimit-daddr")),
      Extension.of("hashlimit",
          of("hashlimit-upto", RATE), of("hashlimit-above", RATE), of("hashlimit", RATE),
          of("hashlimit-burst", UINT), of("hashlimit-mode", HASHLIMIT_MODE),
          of("hashlimit-srcmask", PREFIX_LENGTH), of("hashlimit-dstmask", PREFIX_LENGTH),
          of("hashlimit-name", ANY), of("hashlimit-htable-size", UINT), of("hashlimit-htable-max", UINT),
          of("hashlimit-htable-expire", UINT), of("hashlimit-htable-gcinterval", UINT),
          of("hashlimit-rate-match", ANY), of("hashlimit-rate-interval", UINT)),
      Extension.of("addrtype",
          negatable("src-type", ADDRESS_TYPE), negatable("dst-type", ADDRESS_TYPE),
          flag("limit-iface-in"), flag("limit-iface-out")),
      Extension.of("pkttype", negatable("pkt-type", PKT_TYPE)),
      Extension.of("length", negatable("length", NUMBER_RANGE)),
      Extension.of("ttl", negatable("ttl-eq", UINT), of("ttl-lt", UINT), of("ttl-gt", UINT))));

  static final Map<String, Extension> TARGETS = index(List.of(
      Extension.of("REJECT", of("reject-with", REJECT_TYPE)).inTables("filter").inHooks("INPUT", "FORWARD", "OUTPUT"),
      Extension.of("LOG",
          of("log-level", LOG_LEVEL), of("log-prefix", LOG_PREFIX), flag("log-tcp-sequence"),
          flag("log-tcp-options"), flag("log-ip-options"), flag("log-uid"), flag("log-macdecode")),
      Extension.of("DNAT", of("to-destination", NAT_DESTINATION), flag("random"), flag("persistent"))
          .inTables("nat").inHooks("PREROUTING", "OUTPUT"),
      Extension.of("SNAT",
          of("to-source", NAT_DESTINATION), flag("random"), flag("random-fully"), flag("persistent"))
          .inTables("nat").inHooks("POSTROUTING", "INPUT"),
      Extension.of("MASQUERADE", of("to-ports", NAT_PORTS), flag("random"), flag("random-fully"))
          .inTables("nat").inHooks("POSTROUTING"),
      Extension.of("REDIRECT", of("to-ports", NAT_PORTS), flag("random"))
          .inTables("nat").inHooks("PREROUTING", "OUTPUT"),
      Extension.of("MARK",
          of("set-mark", MARK), of("set-xmark", MARK), of("and-mark", MARK), of("or-mark", MARK),
          of("xor-mark", MARK)),
      Extension.of("CONNMARK",
          of("set-mark", MARK), of("set-xmark", MARK), flag("save-mark"), flag("restore-mark"),
          of("and-mark", MARK), of("or-mark", MARK), of("xor-mark", MARK), of("nfmask", MARK),
          of("ctmask", MARK), of("mask", MARK)),
      Extension.of("CT",
          flag("notrack"), of("helper", ANY), of("zone", ANY), of("zone-orig", ANY), of("zone-reply", ANY),
          of("ctevents", ANY), of("expevents", ANY), of("timeout", ANY)).inTables("raw"),
      Extension.of("NOTRACK").inTables("raw"),
      Extension.of("TCPMSS", of("set-mss", UINT), flag("clamp-mss-to-pmtu")).forProtocols("tcp")));

  /**
   * Every match extension of iptables-extensions(8) in iptables 1.8; those without an entry in
   * {@link #MATCHES} are accepted with their options unchecked.
   */
  static final Set<String> ALL_MATCH_NAMES = Set.of(
      "addrtype", "ah", "bpf", "cgroup", "cluster", "comment", "connbytes", "connlabel", "connlimit", "connmark",
      "conntrack", "cpu", "dccp", "devgroup", "dscp", "dst", "ecn", "esp", "eui64", "frag", "hashlimit", "hbh",
      "helper", "hl", "icmp", "icmp6", "iprange", "ipv6header", "ipvs", "length", "limit", "mac", "mark", "mh",
      "multiport", "nfacct", "osf", "owner", "physdev", "pkttype", "policy", "quota", "rateest", "realm", "recent",
      "rpfilter", "rt", "sctp", "set", "socket", "state", "statistic", "string", "tcp", "tcpmss", "time", "tos",
      "ttl", "u32", "udp", "udplite");

  /** Every target extension of iptables-extensions(8); as {@link #ALL_MATCH_NAMES} for targets. */
  static final Set<String> ALL_TARGET_NAMES = Set.of(
      "AUDIT", "CHECKSUM", "CLASSIFY", "CLUSTERIP", "CONNMARK", "CONNSECMARK", "CT", "DNAT", "DNPT", "DSCP", "ECN",
      "HL", "HMARK", "IDLETIMER", "LED", "LOG", "MARK", "MASQUERADE", "NETMAP", "NFLOG", "NFQUEUE", "NOTRACK",
      "RATEEST", "REDIRECT", "REJECT", "SECMARK", "SET", "SNAT", "SNPT", "SYNPROXY", "TCPMSS", "TCPOPTSTRIP", "TEE",
      "TOS", "TPROXY", "TRACE", "TTL", "ULOG");

  /** Every long option name (and alias) of every modelled match and target, without dashes. */
  static final Set<String> ALL_OPTION_NAMES = allOptionNames();

  private static Set<String> allOptionNames() {
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    for (Map<String, Extension> m : List.of(MATCHES, TARGETS)) {
      for (Extension e : m.values()) {
        for (OptionSpec o : e.options()) {
          names.add(o.name());
          names.addAll(o.aliases());
        }
      }
    }
    return java.util.Collections.unmodifiableSet(names);
  }

  /** The match that {@code -p PROTO} loads implicitly in one address family, if any. */
  static Optional<Extension> implicitFor(String protocol, boolean ipv6) {
    if (protocol == null) {
      return Optional.empty();
    }
    return switch (protocol) {
      case "tcp", "udp", "sctp", "dccp" -> match(protocol);
      case "icmp" -> ipv6 ? Optional.empty() : match("icmp");
      case "icmpv6" -> ipv6 ? match("icmp6") : Optional.empty();
      default -> Optional.empty();
    };
  }

  /** Targets that are verdicts built into every chain rather than extensions. */
  static final List<String> VERDICTS = List.of("ACCEPT", "DROP", "RETURN", "QUEUE");

  private static Map<String, Extension> index(List<Extension> list) {
    Map<String, Extension> map = new TreeMap<>();
    list.forEach(e -> map.put(e.name(), e));
    return Collections.unmodifiableMap(map);
  }

  static Optional<Extension> match(String name) {
    return Optional.ofNullable(MATCHES.get(name));
  }

  static Optional<Extension> target(String name) {
    return Optional.ofNullable(TARGETS.get(name));
  }
}

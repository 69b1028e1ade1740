package org.opsbook.checker.iptables.syntax;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.iptables.IptablesRules;
import org.opsbook.checker.iptables.model.Operand;
import org.opsbook.checker.iptables.model.OptionValue;
import org.opsbook.checker.iptables.model.Target;
import org.opsbook.checker.iptables.model.Word;

/**
 * The checks iptables and the kernel make on a whole rule: interface direction per chain, the
 * protocol a match needs, options a match cannot do without, and where each target may be used
 * (which the kernel only reports as "Invalid argument").
 */
final class RuleConstraints {
  private final FirstFailure failure;
  private final String table;
  private final Operand protocol;
  private final Operand in;
  private final Operand outIface;
  private final List<MatchDraft> matches;
  private final Word targetWord;
  private final Extension targetExt;
  private final List<OptionValue> targetOptions;
  private final boolean isGoto;

  private RuleConstraints(RuleDraft d, FirstFailure failure) {
    this.failure = failure;
    this.table = d.table();
    this.protocol = d.protocol();
    this.in = d.in();
    this.outIface = d.outIface();
    this.matches = d.matches();
    this.targetWord = d.targetWord();
    this.targetExt = d.targetExt();
    this.targetOptions = d.targetOptions();
    this.isGoto = d.isGoto();
  }

  /** Checks the rule for {@code chain}; returns its target (or {@code null} without one). */
  static Target check(RuleDraft draft, String chain, FirstFailure failure) {
    RuleConstraints c = new RuleConstraints(draft, failure);
    c.checkDirections(chain);
    c.checkMatches(chain);
    return c.checkTarget(chain);
  }

  private void fail(RuleInfo rule, Word at, String message, String hint) {
    failure.fail(rule, at, message, hint);
  }

  private void checkDirections(String c) {
    // iptables(8): -i only for packets entering (PREROUTING, INPUT, FORWARD), -o only for leaving ones
    if (in != null && ("OUTPUT".equals(c) || "POSTROUTING".equals(c))) {
      fail(IptablesRules.INTERFACE_DIRECTION, in.at(), "Can't use -i with " + c,
          "packets in " + c + " have no input interface yet; match the output interface with -o");
    }
    if (outIface != null && ("PREROUTING".equals(c) || "INPUT".equals(c))) {
      fail(IptablesRules.INTERFACE_DIRECTION, outIface.at(), "Can't use -o with " + c,
          "packets in " + c + " have not been routed, so they have no output interface; use -i");
    }
  }

  private void checkMatches(String c) {
    String proto = protocol == null || protocol.negated() ? null : ArgumentChecks.protocol(protocol.value());
    for (MatchDraft m : matches) {
      Extension e = m.ext();
      if (!e.protocols().isEmpty() && !(protocol != null && protocol.value().equals("$"))
          && (proto == null || !e.protocols().contains(proto))) {
        String need = e.name().equals("multiport")
            ? "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'"
            : e.name().toUpperCase(Locale.ROOT) + " match requires '-p " + e.name() + "'";
        fail(IptablesRules.PROTOCOL_REQUIRED, m.at(), need, "put -p " + e.protocols().get(0) + " before -m " + e.name());
        return;
      }
      if (!e.hooks().isEmpty() && isBuiltinHere(c) && !e.hooks().contains(c)) {
        fail(IptablesRules.MATCH_PLACEMENT, m.at(),
            e.name() + " match is not valid in " + c + " (iptables only says: RULE_APPEND failure.failed() (Invalid argument))",
            "the kernel allows -m " + e.name() + " only in " + String.join(", ", e.hooks())
                + (e.name().equals("owner") ? ": the owning socket is only known for locally generated packets" : ": only incoming packets carry a source MAC"));
        return;
      }
      checkMatchOptions(m);
    }
  }

  private void checkMatchOptions(MatchDraft m) {
    List<String> names = m.options().stream().map(OptionValue::name).toList();
    switch (m.ext().name()) {
      case "recent" -> {
        List<String> modes = names.stream().filter(n -> List.of("set", "rcheck", "update", "remove").contains(n)).toList();
        if (modes.size() > 1) {
          fail(IptablesRules.CONFLICTING_OPTIONS, m.options().get(names.indexOf(modes.get(1))).at(),
              "recent: option \"--" + modes.get(0) + "\" cannot be used together with \"--" + modes.get(1) + "\".", "use one of --set, --rcheck, --update, --remove per rule");
        } else if (modes.isEmpty()) {
          fail(IptablesRules.MISSING_OPTION, m.at(), "recent: you must specify one of `--set', `--rcheck', `--update' or `--remove'", null);
        }
      }
      case "hashlimit" -> {
        if (!names.contains("hashlimit-name")) {
          fail(IptablesRules.MISSING_OPTION, m.at(), "hashlimit: option \"--hashlimit-name\" must be specified", "name the hash table: --hashlimit-name NAME");
        } else if (!names.contains("hashlimit-upto") && !names.contains("hashlimit-above") && !names.contains("hashlimit")) {
          fail(IptablesRules.MISSING_OPTION, m.at(), "You have to specify --hashlimit", "give the rate with --hashlimit-upto or --hashlimit-above");
        }
      }
      case "multiport" -> {
        List<String> used = names.stream().filter(n -> n.endsWith("ports")).toList();
        if (used.size() > 1) {
          fail(IptablesRules.CONFLICTING_OPTIONS, m.options().get(names.indexOf(used.get(1))).at(),
              "multiport: option \"--" + used.get(1) + "\" cannot be used together with \"--" + used.get(0) + "\".",
              "one multiport match takes one port list; use a second -m multiport for the other direction");
        } else if (used.isEmpty()) {
          fail(IptablesRules.MISSING_OPTION, m.at(), REQUIRED.get("multiport").message(), "add --dports, --sports or --ports");
        }
      }
      case "tcp" -> {
        if (names.contains("syn") && names.contains("tcp-flags")) {
          fail(IptablesRules.CONFLICTING_OPTIONS, m.options().get(Math.max(names.indexOf("tcp-flags"), names.indexOf("syn"))).at(),
              "Only one of `--syn' or `--tcp-flags' allowed", "--syn is short for --tcp-flags SYN,RST,ACK FIN SYN");
        }
      }
      default -> {
        Required r = REQUIRED.get(m.ext().name());
        if (r != null && names.stream().noneMatch(r.anyOf()::contains) && !(m.implicit() && !names.isEmpty())) {
          fail(IptablesRules.MISSING_OPTION, m.at(), r.message(), "add " + String.join(" or ", r.anyOf().stream().map(n -> "--" + n).toList()));
        }
      }
    }
  }

  /** Options of which a match needs at least one, with the message iptables gives without them. */
  private record Required(List<String> anyOf, String message) {}

  private static final Map<String, Required> REQUIRED = required();

  private static Map<String, Required> required() {
    Map<String, Required> m = new TreeMap<>();
    m.put("state", new Required(List.of("state"), "state: option \"--state\" must be specified"));
    m.put("conntrack", new Required(List.of("ctstate", "ctproto", "ctorigsrc", "ctorigdst", "ctreplsrc", "ctrepldst", "ctorigsrcport",
        "ctorigdstport", "ctreplsrcport", "ctrepldstport", "ctstatus", "ctexpire", "ctdir"), "conntrack: At least one option is required"));
    m.put("mark", new Required(List.of("mark"), "mark: option \"--mark\" must be specified"));
    m.put("connmark", new Required(List.of("mark"), "connmark: option \"--mark\" must be specified"));
    m.put("comment", new Required(List.of("comment"), "comment: option \"--comment\" must be specified"));
    m.put("mac", new Required(List.of("mac-source"), "mac: option \"--mac-source\" must be specified"));
    m.put("pkttype", new Required(List.of("pkt-type"), "pkttype: option \"--pkt-type\" must be specified"));
    m.put("length", new Required(List.of("length"), "length: option \"--length\" must be specified"));
    m.put("icmp", new Required(List.of("icmp-type"), "icmp: option \"--icmp-type\" must be specified"));
    m.put("icmp6", new Required(List.of("icmpv6-type"), "icmp6: option \"--icmpv6-type\" must be specified"));
    m.put("iprange", new Required(List.of("src-range", "dst-range"), "iprange match: You must specify `--src-range' or `--dst-range'"));
    m.put("owner", new Required(List.of("uid-owner", "gid-owner", "socket-exists"), "owner: At least one of --uid-owner, --gid-owner or --socket-exists is required"));
    m.put("addrtype", new Required(List.of("src-type", "dst-type"), "addrtype: you must specify --src-type or --dst-type"));
    m.put("set", new Required(List.of("match-set"), "You must specify `--match-set' with proper arguments"));
    m.put("ttl", new Required(List.of("ttl-eq", "ttl-lt", "ttl-gt"), "TTL match: You must specify one of `--ttl-eq', `--ttl-lt', `--ttl-gt'"));
    m.put("connlimit", new Required(List.of("connlimit-upto", "connlimit-above"), "You must specify \"--connlimit-above\" or \"--connlimit-upto\"."));
    m.put("multiport", new Required(List.of("source-ports", "destination-ports", "ports"), "multiport expects an option: --dports, --sports or --ports"));
    return java.util.Collections.unmodifiableMap(m);
  }

  private boolean isBuiltinHere(String c) {
    return c != null && Tables.isBuiltin(table, c);
  }

  private Target checkTarget(String c) {
    if (targetWord == null) {
      return null;
    }
    String name = targetWord.text();
    if (targetExt != null) {
      Extension e = targetExt;
      String reason = null;
      if (!e.tables().isEmpty() && !e.tables().contains(table) && Tables.exists(table)) {
        reason = e.name() + " is only valid in the " + e.tables().get(0) + " table"
            + (e.hooks().isEmpty() ? "" : " (chains " + String.join(", ", e.hooks()) + ")") + ", not in " + table;
      } else if (!e.hooks().isEmpty() && isBuiltinHere(c) && !e.hooks().contains(c)) {
        reason = e.name() + " is only valid in the " + String.join(", ", e.hooks()) + " chain" + (e.hooks().size() > 1 ? "s" : "") + ", not in " + c;
      }
      if (reason != null) {
        fail(IptablesRules.TARGET_PLACEMENT, targetWord, reason + " (iptables only says: RULE_APPEND failure.failed() (Invalid argument))",
            placementHint(e.name()));
        return null;
      }
      checkTargetOptions(e, c);
    } else if (name.equals("DROP") && table.equals("nat")) {
      // iptables 1.8 refuses this itself, before the kernel sees the rule
      fail(IptablesRules.TARGET_PLACEMENT, targetWord, "The \"nat\" table is not intended for filtering, the use of DROP is therefore inhibited.",
          "drop packets in the filter table (or raw/mangle); nat rules only rewrite addresses");
      return null;
    } else if (Extensions.VERDICTS.contains(name) || name.equals("$") || targetWord.variable()) {
      // built-in verdict or unknown value
    } else if (name.length() > 28) {
      fail(IptablesRules.BAD_VALUE, targetWord, "Invalid target name `" + name + "' (28 chars max)", null);
    }
    return new Target(targetWord.variable() ? "$" : name, targetOptions, isGoto, targetWord);
  }

  private static String placementHint(String target) {
    return switch (target) {
      case "DNAT", "REDIRECT" -> "rewrite destinations in -t nat -A PREROUTING (arriving traffic) or -t nat -A OUTPUT (local traffic)";
      case "SNAT" -> "rewrite sources in -t nat -A POSTROUTING";
      case "MASQUERADE" -> "use -t nat -A POSTROUTING -o OUT_IFACE -j MASQUERADE";
      case "REJECT" -> "REJECT works in INPUT, FORWARD and OUTPUT (or user chains called from them)";
      case "CT", "NOTRACK" -> "use -t raw -A PREROUTING or -t raw -A OUTPUT";
      default -> null;
    };
  }

  private void checkTargetOptions(Extension e, String c) {
    List<String> names = targetOptions.stream().map(OptionValue::name).toList();
    String proto = protocol == null || protocol.negated() ? null : ArgumentChecks.protocol(protocol.value());
    boolean protoUnknown = protocol != null && protocol.value().equals("$");
    boolean portProto = proto != null && List.of("tcp", "udp", "sctp", "dccp", "udplite").contains(proto);
    switch (e.name()) {
      case "DNAT", "SNAT" -> {
        String opt = e.name().equals("DNAT") ? "to-destination" : "to-source";
        Optional<OptionValue> to = targetOptions.stream().filter(o -> o.name().equals(opt)).findFirst();
        if (to.isEmpty()) {
          fail(IptablesRules.MISSING_OPTION, targetWord, e.name() + ": option \"--" + opt + "\" must be specified", "say where to: --" + opt + " ADDRESS[:PORT]");
        } else if (to.get().arg().contains(":") && !portProto && !protoUnknown) {
          fail(IptablesRules.PROTOCOL_REQUIRED, to.get().at(), "Need TCP, UDP, SCTP or DCCP with port specification",
              "only TCP, UDP, SCTP and DCCP have ports: add -p tcp or -p udp to the rule");
        }
      }
      case "REDIRECT", "MASQUERADE" -> {
        Optional<OptionValue> to = targetOptions.stream().filter(o -> o.name().equals("to-ports")).findFirst();
        if (to.isPresent() && !portProto && !protoUnknown) {
          fail(IptablesRules.PROTOCOL_REQUIRED, to.get().at(), "Need TCP, UDP, SCTP or DCCP with port specification",
              "only TCP, UDP, SCTP and DCCP have ports: add -p tcp or -p udp to the rule");
        }
      }
      case "REJECT" -> {
        Optional<OptionValue> with = targetOptions.stream().filter(o -> o.name().equals("reject-with")).findFirst();
        if (with.isPresent() && with.get().arg().startsWith("tcp-r") && !"tcp".equals(proto) && !protoUnknown) {
          // ipt_REJECT checkentry: tcp-reset only for rules that match -p tcp and nothing else
          fail(IptablesRules.PROTOCOL_REQUIRED, with.get().at(),
              "--reject-with " + with.get().arg() + " needs -p tcp (iptables only says: RULE_APPEND failure.failed() (Invalid argument))",
              "a TCP reset answers TCP only: add -p tcp, or use icmp-port-unreachable for other protocols");
        }
      }
      case "TCPMSS" -> {
        if (!"tcp".equals(proto) && !protoUnknown) {
          fail(IptablesRules.PROTOCOL_REQUIRED, targetWord, "TCPMSS needs -p tcp (iptables only says: RULE_APPEND failure.failed() (Invalid argument))",
              "add -p tcp --tcp-flags SYN,RST SYN");
        } else if (names.isEmpty()) {
          fail(IptablesRules.MISSING_OPTION, targetWord, "TCPMSS target: At least one parameter is required", "give --set-mss VALUE or --clamp-mss-to-pmtu");
        }
      }
      case "MARK" -> {
        if (names.isEmpty()) {
          fail(IptablesRules.MISSING_OPTION, targetWord, "MARK target: Parameter --set/and/or/xor-mark is required", null);
        }
      }
      case "CONNMARK" -> {
        if (names.stream().noneMatch(n -> List.of("set-mark", "set-xmark", "save-mark", "restore-mark", "and-mark", "or-mark", "xor-mark").contains(n))) {
          fail(IptablesRules.MISSING_OPTION, targetWord, "CONNMARK target: No operation specified", "give --set-mark, --save-mark or --restore-mark");
        }
      }
      default -> { }
    }
  }
}

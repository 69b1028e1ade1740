package org.opsbook.checker.iptables.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.checker.iptables.IptablesRules;
import org.opsbook.checker.iptables.model.Operand;
import org.opsbook.checker.iptables.model.Word;

/** What to tell the author when iptables does not know an option or a word: which match or target it belongs to. */
final class OptionAdvice {
  private OptionAdvice() {}

  static void unknownOption(Word w, String name, Operand protocol, boolean ipv6, FirstFailure failure) {
    String msg = "unknown option \"--" + name + "\"";
    List<String> matchOwners = new ArrayList<>();
    for (Extension e : Extensions.MATCHES.values()) {
      if (e.exact(name).isPresent()) {
        matchOwners.add(e.name());
      }
    }
    List<String> targetOwners = new ArrayList<>();
    for (Extension e : Extensions.TARGETS.values()) {
      if (e.exact(name).isPresent()) {
        targetOwners.add(e.name());
      }
    }
    if (!matchOwners.isEmpty() && Extensions.match(matchOwners.get(0)).get().protocols().size() == 1
        && matchOwners.stream().allMatch(o -> List.of("tcp", "udp", "udplite", "sctp", "dccp", "icmp", "icmp6").contains(o))) {
      List<String> protos = matchOwners.stream().filter(o -> !o.equals("udplite") && !o.equals("dccp") && !o.equals("sctp"))
          .map(o -> o.equals("icmp6") ? "icmpv6" : o).filter(o -> !(ipv6 && o.equals("icmp")) && !(!ipv6 && o.equals("icmpv6"))).toList();
      if (protos.isEmpty()) {
        failure.fail(IptablesRules.UNKNOWN_OPTION, w, msg + ": --" + name + " is for " + (ipv6 ? "IPv4 (iptables)" : "IPv6 (ip6tables)") + " rules",
            ipv6 ? "ip6tables uses -p icmpv6 --icmpv6-type" : "iptables uses -p icmp --icmp-type");
        return;
      }
      String protoHint = String.join(" or ", protos.stream().map(p -> "-p " + p).toList());
      String reason = protocol != null && protocol.negated()
          ? "--" + name + " needs a positive " + protoHint + "; a negated -p loads no protocol match"
          : protocol != null
              ? "--" + name + " is not an option of -p " + protocol.value() + "; it belongs to " + protoHint
              : "--" + name + " needs " + protoHint + " before it";
      failure.fail(IptablesRules.PROTOCOL_REQUIRED, w, msg + ": " + reason,
          "add " + protos.stream().map(p -> "-p " + p).findFirst().orElse("-p tcp") + " before --" + name
              + (name.endsWith("port") ? " (or use -m multiport with -p)" : ""));
      return;
    }
    if (!targetOwners.isEmpty() && matchOwners.isEmpty()) {
      String owners = String.join(" or ", targetOwners.stream().map(t -> "-j " + t).toList());
      failure.fail(IptablesRules.OPTION_WITHOUT_TARGET, w,
          msg + ": --" + name + " is an option of the " + String.join("/", targetOwners) + " target, which is not loaded here",
          "write " + owners + " before --" + name + "; target options follow their target");
      return;
    }
    if (!matchOwners.isEmpty()) {
      failure.fail(IptablesRules.UNKNOWN_OPTION, w, msg + ": --" + name + " belongs to the " + String.join("/", matchOwners) + " match",
          "load the match first: -m " + matchOwners.get(0) + " --" + name);
      return;
    }
    failure.fail(IptablesRules.UNKNOWN_OPTION, w, msg, "see iptables(8) and iptables-extensions(8) for the options of each match and target");
  }

  static String hintForStray(Word w) {
    if (w.is("#")) {
      return "iptables-restore has no end-of-line comments: put the comment on a line of its own starting with #";
    }
    if (w.text().startsWith("'") || w.text().endsWith("'")) {
      return "iptables-restore groups words with double quotes only; single quotes are kept as characters";
    }
    if (w.text().endsWith("\\")) {
      return "iptables-restore does not read backslash escapes outside double quotes: quote the value instead";
    }
    if (Extensions.TARGETS.containsKey(w.text()) || Extensions.VERDICTS.contains(w.text())) {
      return "a target needs -j before it: -j " + w.text();
    }
    return "every value belongs to the option before it; check for a missing option or a stray space";
  }

  static String valueHint(OptionSpec spec) {
    return switch (spec.kind()) {
      case PORT_RANGE -> "ports are 0-65535 or a service name; a range is FIRST:LAST with FIRST <= LAST";
      case PORT_LIST -> "a comma-separated list of up to 15 ports or FIRST:LAST ranges";
      case STATES -> "states are " + String.join(",", ArgumentChecks.STATES);
      case CTSTATES -> "states are " + String.join(",", ArgumentChecks.CTSTATES);
      case ICMP_TYPE -> "see `iptables -p icmp -h' for the type names, or give TYPE[/CODE] as numbers";
      case REJECT_TYPE -> "one of " + String.join(", ", ArgumentChecks.REJECT_TYPES.stream().filter(t -> t.contains("-") && (t.startsWith("icmp") || t.equals("tcp-reset"))).toList());
      case LOG_LEVEL -> "a level 0-7 or one of " + String.join(", ", ArgumentChecks.LOG_LEVELS);
      case NAT_PORTS -> "a port or FIRST-LAST range with a dash";
      case RATE -> "a rate is N/second, N/minute, N/hour or N/day";
      default -> null;
    };
  }
}

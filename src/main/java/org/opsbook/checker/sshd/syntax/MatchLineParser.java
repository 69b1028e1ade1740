package org.opsbook.checker.sshd.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.opsbook.checker.openssh.Addresses;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Arg;
import org.opsbook.checker.sshd.model.MatchBlock;
import org.opsbook.checker.sshd.model.MatchCriterion;
import org.opsbook.checker.sshd.rules.SshdRules;

/**
 * Reads a Match line as servconf.c match_cfg_line() does when checking syntax: criteria are
 * {@code All} alone, or pairs of a known attribute and a pattern list.
 */
final class MatchLineParser {
  static final RuleInfo RULE = SshdRules.BAD_MATCH;
  static final Set<String> ATTRIBUTES = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(List.of(
      "user", "group", "host", "address", "localaddress", "localport", "rdomain", "all")));

  private MatchLineParser() {}

  static MatchBlock parse(String rest, int restColumn, int line, List<Integer> enclosing, LineReports r) {
    List<Arg> words = LineLexer.matchWords(rest, restColumn);
    List<MatchCriterion> criteria = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      Arg attr = words.get(i);
      if (attr.text().isEmpty()) {
        break;
      }
      if (attr.text().startsWith("#")) {
        break;
      }
      String lower = attr.text().toLowerCase(Locale.ROOT);
      if (lower.equals("all")) {
        boolean more = i + 1 < words.size() && !words.get(i + 1).text().startsWith("#")
            && !words.get(i + 1).text().isEmpty();
        if (!criteria.isEmpty() || more) {
          r.report(line, attr.column(), RULE, "'all' cannot be combined with other Match attributes",
              "write Match All on its own line, or drop All");
          return new MatchBlock(r.file(), line, criteria, false, enclosing);
        }
        criteria.add(new MatchCriterion(attr.text(), "", attr.column(), attr.column()));
        return new MatchBlock(r.file(), line, criteria, true, enclosing);
      }
      if (i + 1 >= words.size() || words.get(i + 1).text().isEmpty() || words.get(i + 1).text().startsWith("#")) {
        r.report(line, attr.column(), RULE, "missing Match criteria for " + attr.text(),
            "every Match attribute except All takes a pattern list, such as User alice,bob");
        return new MatchBlock(r.file(), line, criteria, false, enclosing);
      }
      Arg pattern = words.get(i + 1);
      if (!ATTRIBUTES.contains(lower)) {
        r.report(line, attr.column(), RULE, "unsupported Match attribute " + attr.text(),
            "use User, Group, Host, Address, LocalAddress, LocalPort, RDomain or All");
        return new MatchBlock(r.file(), line, criteria, false, enclosing);
      }
      if ((lower.equals("address") || lower.equals("localaddress"))
          && Addresses.matchList(null, pattern.text()) == -2) {
        r.report(line, pattern.column(), RULE, "invalid Match " + lower + " argument '" + pattern.text() + "'",
            "each entry must be an address, a wildcard pattern or a network whose host bits are zero, such as 192.0.2.0/24");
        return new MatchBlock(r.file(), line, criteria, false, enclosing);
      }
      if (lower.equals("localport") && ArgumentValidator.portNumber(pattern.text()) < 0) {
        r.report(line, pattern.column(), RULE, "invalid LocalPort '" + pattern.text() + "' on Match line",
            "LocalPort takes a single port number, 0-65535 (lists are not supported)");
        return new MatchBlock(r.file(), line, criteria, false, enclosing);
      }
      criteria.add(new MatchCriterion(attr.text(), pattern.text(), attr.column(), pattern.column()));
      i += 2;
    }
    if (criteria.isEmpty()) {
      r.report(line, restColumn, RULE, "one or more attributes required for Match", "write e.g. Match User alice");
      return new MatchBlock(r.file(), line, criteria, false, enclosing);
    }
    return new MatchBlock(r.file(), line, criteria, true, enclosing);
  }
}

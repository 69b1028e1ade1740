package org.opsbook.checker.sshd.effective;

import java.util.List;
import java.util.Locale;
import org.opsbook.checker.openssh.Addresses;
import org.opsbook.checker.net.ServicePorts;
import org.opsbook.checker.openssh.WildcardPattern;
import org.opsbook.checker.sshd.model.MatchBlock;
import org.opsbook.checker.sshd.model.MatchCriterion;

/** Decides whether a Match block applies to a connection, as servconf.c match_cfg_line() does. */
final class MatchEvaluator {
  private MatchEvaluator() {}

  /** The outcome: whether it matches, or why sshd -T would stop. */
  record Outcome(boolean matches, String error) {}

  static Outcome evaluate(MatchBlock block, ConnectionSpec spec) {
    if (!block.valid()) {
      return new Outcome(false, null);
    }
    boolean result = true;
    for (MatchCriterion c : block.criteria()) {
      String p = c.pattern();
      switch (c.lowerAttribute()) {
        case "all" -> {
          return new Outcome(true, null);
        }
        // match.c match_usergroup_pattern_list(): case-sensitive, negation wins.
        case "user" -> result &= spec.user() != null && WildcardPattern.matchList(spec.user(), p, false) == 1;
        case "group" -> result &= spec.user() != null && groupMatches(spec, p);
        case "host" -> result &= spec.host() != null && WildcardPattern.matchList(spec.host().toLowerCase(Locale.ROOT), p, true) == 1;
        case "address" -> result &= spec.addr() != null && Addresses.matchList(spec.addr(), p) == 1;
        case "localaddress" -> result &= spec.laddr() != null && Addresses.matchList(spec.laddr(), p) == 1;
        case "localport" -> {
          if (spec.lport() == null) {
            return new Outcome(false, "'Match LocalPort' in configuration but 'lport' not in connection"
                + " test specification");
          }
          result &= String.valueOf(spec.lport()).equals(p) || portOf(p) == spec.lport();
        }
        case "rdomain" -> result &= spec.rdomain() != null && WildcardPattern.matchList(spec.rdomain(), p, false) == 1;
        default -> result = false;
      }
    }
    return new Outcome(result, null);
  }

  private static int portOf(String p) {
    try {
      return Integer.parseInt(p);
    } catch (NumberFormatException e) {
      return ServicePorts.port(p);
    }
  }

  /** groupaccess.c ga_match_pattern_list(): any group matching positively, none negatively. */
  private static boolean groupMatches(ConnectionSpec spec, String pattern) {
    boolean found = false;
    for (String g : spec.groups() == null ? List.<String>of() : spec.groups()) {
      int r = WildcardPattern.matchList(g, pattern, false);
      if (r == -1) {
        return false;
      }
      if (r == 1) {
        found = true;
      }
    }
    return found;
  }
}

package org.opsbook.checker.sshclient.syntax;

import org.opsbook.check.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsbook.checker.sshclient.model.MatchCriterion;
import org.opsbook.checker.sshclient.rules.SshClientRules;

/**
 * Reads the criteria of a Match line as readconf.c match_cfg_line does: {@code all} stands alone,
 * {@code canonical} and {@code final} take no argument, every other criterion takes one. Whether an
 * attribute exists in the target release is checked by the catalogue.
 */
final class MatchLineParser {
  private MatchLineParser() {}

  static List<MatchCriterion> parse(String rest, int restColumn, int line, Findings findings) {
    List<MatchCriterion> out = new ArrayList<>();
    ConfigLineLexer.Cursor cursor = new ConfigLineLexer.Cursor(rest);
    int attributes = 0;
    while (true) {
      ConfigLineLexer.Token attrib = cursor.next();
      if (attrib == null || attrib.text().isEmpty() || attrib.text().startsWith("#")) {
        break;
      }
      int column = restColumn + attrib.column() - 1;
      boolean negated = attrib.text().startsWith("!");
      String name = (negated ? attrib.text().substring(1) : attrib.text()).toLowerCase(Locale.ROOT);
      if (name.equals("all")) {
        ConfigLineLexer.Token next = cursor.next();
        boolean trailing = next != null && !next.text().isEmpty() && !next.text().startsWith("#");
        if (attributes > 1 || trailing) {
          bad(findings, line, column, "'" + attrib.text() + "' cannot be combined with other Match attributes",
              "use 'Match all' alone, or drop 'all'");
          return out;
        }
        out.add(new MatchCriterion(negated, name, null, column));
        return out;
      }
      attributes++;
      if (name.equals("canonical") || name.equals("final")) {
        out.add(new MatchCriterion(negated, name, null, column));
        continue;
      }
      ConfigLineLexer.Token arg = cursor.next();
      if (arg == null || arg.text().isEmpty() || arg.text().startsWith("#")) {
        bad(findings, line, column, "missing Match criteria for " + name,
            "give " + name + " a pattern list, such as '" + name + " *.example.org'");
        return out;
      }
      out.add(new MatchCriterion(negated, name, arg.text(), column));
    }
    if (attributes == 0 && out.isEmpty()) {
      bad(findings, line, restColumn, "one or more attributes required for Match",
          "add a criterion such as 'host', 'user' or 'all'");
    }
    return out;
  }

  private static void bad(Findings findings, int line, int column, String message, String hint) {
    findings.report(SshClientRules.BAD_MATCH, line, column, "bad Match condition: " + message, hint);
  }
}

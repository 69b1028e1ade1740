package org.opsbook.checker.sshclient.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsbook.checker.sshclient.model.Finding;
import org.opsbook.checker.sshclient.model.MatchCriterion;
import org.opsbook.checker.sshclient.model.SshRuleIds;
import org.opsbook.diag.Severity;

/**
 * Reads the criteria of a Match line as readconf.c match_cfg_line does: {@code all} stands alone,
 * {@code canonical} and {@code final} take no argument, every other criterion takes one. Whether an
 * attribute exists in the target release is checked by the catalogue.
 */
final class MatchLineParser {
  private MatchLineParser() {}

  static List<MatchCriterion> parse(String rest, int restColumn, int line, List<Finding> findings) {
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
          findings.add(bad(line, column, "'" + attrib.text() + "' cannot be combined with other Match attributes",
              "use 'Match all' alone, or drop 'all'"));
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
        findings.add(bad(line, column, "missing Match criteria for " + name,
            "give " + name + " a pattern list, such as '" + name + " *.example.org'"));
        return out;
      }
      out.add(new MatchCriterion(negated, name, arg.text(), column));
    }
    if (attributes == 0 && out.isEmpty()) {
      findings.add(bad(line, restColumn, "one or more attributes required for Match",
          "add a criterion such as 'host', 'user' or 'all'"));
    }
    return out;
  }

  private static Finding bad(int line, int column, String message, String hint) {
    return new Finding(line, column, SshRuleIds.BAD_MATCH, Severity.ERROR,
        "bad Match condition: " + message, hint);
  }
}

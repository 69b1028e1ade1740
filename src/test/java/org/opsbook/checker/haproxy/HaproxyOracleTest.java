package org.opsbook.checker.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.checker.haproxy.rules.HaproxyRules;
import org.opsbook.diag.Diagnostic;
import org.opsbook.testing.Project;

/**
 * opsbook against {@code haproxy -c} on the differential corpus: every snippet HAProxy refuses
 * must have an error, none it accepts may have one, and where HAProxy names a line of the snippet
 * for its first error, an error of opsbook's must be on that line. Warnings are compared too: a
 * snippet HAProxy warns about must get a warning of one of the rules that stand for HAProxy's
 * warnings, and one it does not warn about must get none. Cases in known-differences.txt are
 * reported, not asserted. The figures go to target/haproxy-oracle.txt.
 */
@Tag("oracle")
class HaproxyOracleTest {
  private static final HaproxyChecker CHECKER = new HaproxyChecker();
  /** The rules that stand for HAProxy's own warnings (the lint rules and missing files are opsbook's). */
  private static final Set<String> HAPROXY_WARNINGS = Set.of(HaproxyRules.IGNORED.id().value(),
      HaproxyRules.MISSING_TIMEOUT.id().value(), HaproxyRules.NO_BIND.id().value(), HaproxyRules.RULE_ORDER.id().value(),
      HaproxyRules.DEPRECATED.id().value(), HaproxyRules.NEVER_MATCHES.id().value(), HaproxyRules.WARNING.id().value());

  @Test
  void agreesWithHaproxyOnTheCorpus() throws IOException, InterruptedException {
    Assumptions.assumeTrue(RealHaproxy.available(), "needs root, haproxy, unshare and openssl (.ci/install-tools)");
    List<OracleCase> cases = OracleCase.all();
    assertTrue(cases.size() >= 120, "the corpus has " + cases.size() + " snippets");
    Map<String, RealHaproxy.Verdict> verdicts = RealHaproxy.check(cases);
    Map<String, String> known = knownDifferences();
    int refused = 0;
    int caught = 0;
    int accepted = 0;
    int clean = 0;
    int withLine = 0;
    int lineAgrees = 0;
    int warned = 0;
    int warnedToo = 0;
    int quiet = 0;
    int quietToo = 0;
    List<String> disagreements = new ArrayList<>();
    StringBuilder report = new StringBuilder();
    for (OracleCase c : cases) {
      RealHaproxy.Verdict v = verdicts.get(c.name());
      List<Diagnostic> found = CHECKER.check(c.snippet(), c.checkContext());
      List<Diagnostic> errors = found.stream().filter(Diagnostic::isError).toList();
      List<Diagnostic> warnings = found.stream().filter(d -> HAPROXY_WARNINGS.contains(d.rule().value())).toList();
      String problem = null;
      if (v.accepted()) {
        accepted++;
        if (errors.isEmpty()) {
          clean++;
        } else {
          problem = "haproxy accepts it, opsbook reports " + errors.get(0);
        }
        if (v.warnings().isEmpty()) {
          quiet++;
          if (warnings.isEmpty()) {
            quietToo++;
          } else if (problem == null) {
            problem = "haproxy does not warn, opsbook warns " + warnings.get(0);
          }
        } else {
          warned++;
          if (!warnings.isEmpty()) {
            warnedToo++;
          } else if (problem == null) {
            problem = "haproxy warns (" + v.warnings().get(0).text() + "), opsbook does not";
          }
        }
      } else {
        refused++;
        if (errors.isEmpty()) {
          problem = "haproxy refuses it (" + v.first().text() + "), opsbook finds no error";
        } else {
          caught++;
          if (v.first().line() > 0) {
            withLine++;
            int line = v.first().line();
            if (errors.stream().anyMatch(d -> d.where().line() == line)) {
              lineAgrees++;
            } else {
              problem = "haproxy names line " + line + " (" + v.first().text() + "), opsbook reports " + errors;
            }
          }
        }
      }
      report.append(c.name()).append(": haproxy ").append(v.accepted() ? "accepts" + (v.warnings().isEmpty() ? ""
          : " with warnings: " + v.warnings().get(0).text()) : "refuses: " + v.first().text()).append("; opsbook ")
          .append(errors.isEmpty() ? "no error" : errors.size() + " error(s), first " + errors.get(0).where().line() + ": "
              + errors.get(0).message())
          .append(warnings.isEmpty() ? "" : "; warns " + warnings.get(0).rule() + " at " + warnings.get(0).where().line())
          .append(problem == null ? "" : "  <-- DIFFERS").append(known.containsKey(c.name()) ? "  (known: "
              + known.get(c.name()) + ")" : "").append('\n');
      if (problem != null && !known.containsKey(c.name())) {
        disagreements.add(c.name() + ": " + problem);
      }
    }
    String figures = String.format(Locale.ROOT,
        "%d snippets: haproxy refuses %d, opsbook catches %d; haproxy accepts %d, opsbook clean on %d; haproxy names a "
            + "line for %d refusals, opsbook agrees on %d; of the accepted, haproxy warns on %d (opsbook too on %d) and is "
            + "quiet on %d (opsbook too on %d); %d known differences",
        cases.size(), refused, caught, accepted, clean, withLine, lineAgrees, warned, warnedToo, quiet, quietToo,
        known.size());
    Path out = Project.root().resolve("target/haproxy-oracle.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, figures + "\n\n" + report, StandardCharsets.UTF_8);
    System.out.println("haproxy oracle: " + figures);
    assertEquals(List.of(), disagreements, figures);
  }

  static Map<String, String> knownDifferences() throws IOException {
    Path f = Project.testResource("org/opsbook/checker/haproxy/oracle/known-differences.txt");
    Map<String, String> out = new TreeMap<>();
    if (!Files.exists(f)) {
      return out;
    }
    for (String line : Files.readAllLines(f)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int colon = l.indexOf(':');
      out.put(l.substring(0, colon).strip(), l.substring(colon + 1).strip());
    }
    return out;
  }
}

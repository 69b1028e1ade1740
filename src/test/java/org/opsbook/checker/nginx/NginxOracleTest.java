package org.opsbook.checker.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.Source;
import org.opsbook.checker.nginx.model.Wrap;
import org.opsbook.checker.nginx.syntax.NginxParser;
import org.opsbook.diag.Diagnostic;
import org.opsbook.testing.Project;

/**
 * opsbook against {@code nginx -t} on the differential corpus: every snippet nginx refuses must
 * have an error, none that nginx accepts may have one, and where nginx names a line, an error of
 * opsbook's must be at the directive nginx names. Cases in known-differences.txt are reported,
 * not asserted. The figures go to target/nginx-oracle.txt.
 */
@Tag("oracle")
class NginxOracleTest {
  private static final NginxChecker CHECKER = new NginxChecker();

  @Test
  void agreesWithNginxOnTheCorpus() throws IOException, InterruptedException {
    Assumptions.assumeTrue(RealNginx.available(), "needs root, nginx, unshare and openssl (.ci/install-tools)");
    List<OracleCase> cases = OracleCase.all();
    assertTrue(cases.size() >= 150, "the corpus has " + cases.size() + " snippets");
    Map<String, RealNginx.Verdict> verdicts = RealNginx.test(cases);
    Map<String, String> known = knownDifferences();
    int refused = 0;
    int caught = 0;
    int accepted = 0;
    int clean = 0;
    int withLine = 0;
    int lineAgrees = 0;
    List<String> disagreements = new ArrayList<>();
    StringBuilder report = new StringBuilder();
    for (OracleCase c : cases) {
      RealNginx.Verdict v = verdicts.get(c.name());
      List<Diagnostic> errors = CHECKER.check(c.snippet(), c.checkContext()).stream().filter(Diagnostic::isError).toList();
      String problem = null;
      if (v.accepted()) {
        accepted++;
        if (errors.isEmpty()) {
          clean++;
        } else {
          problem = "nginx accepts it, opsbook reports " + errors.get(0);
        }
      } else {
        refused++;
        if (errors.isEmpty()) {
          problem = "nginx refuses it (" + v.message() + "), opsbook finds no error";
        } else {
          caught++;
          if (v.line() > 0) {
            withLine++;
            if (lineAgrees(c, v, errors)) {
              lineAgrees++;
            } else {
              problem = "nginx names " + v.file() + ":" + v.line() + " (" + v.message() + "), opsbook reports "
                  + errors;
            }
          }
        }
      }
      report.append(c.name()).append(": nginx ").append(v.accepted() ? "accepts" : "refuses: " + v.message()
          + (v.line() > 0 ? " (line " + v.line() + ")" : "")).append("; opsbook ").append(errors.isEmpty()
          ? "no error" : errors.size() + " error(s), first " + errors.get(0).where().line() + ": "
          + errors.get(0).message()).append(problem == null ? "" : "  <-- DIFFERS").append(
          known.containsKey(c.name()) ? "  (known: " + known.get(c.name()) + ")" : "").append('\n');
      if (problem != null && !known.containsKey(c.name())) {
        disagreements.add(c.name() + ": " + problem);
      }
    }
    String figures = String.format(java.util.Locale.ROOT,
        "%d snippets: nginx refuses %d, opsbook catches %d; nginx accepts %d, opsbook clean on %d; "
            + "nginx names a line for %d refusals, opsbook agrees on %d; %d known differences",
        cases.size(), refused, caught, accepted, clean, withLine, lineAgrees, known.size());
    Path out = Project.root().resolve("target/nginx-oracle.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, figures + "\n\n" + report, StandardCharsets.UTF_8);
    System.out.println("nginx oracle: " + figures);
    assertEquals(List.of(), disagreements, figures);
  }

  /** Whether an error of opsbook's is at the directive nginx names (its name, terminator or closing brace line). */
  private static boolean lineAgrees(OracleCase c, RealNginx.Verdict v, List<Diagnostic> errors) {
    if (c.wrap() != Wrap.MAIN && v.file().equals("/etc/nginx/nginx.conf")) {
      // nginx names the wrapper, where opsbook has no line: the error was found while merging a block.
      return true;
    }
    String file = v.file().equals(RealNginx.SNIPPET) || c.wrap() == Wrap.MAIN && v.file().equals("/etc/nginx/nginx.conf")
        ? c.name() + ".conf" : v.file();
    String text = file.equals(c.name() + ".conf") ? c.text() : c.files().getOrDefault(file, "");
    Map<Integer, List<Integer>> spans = spans(text);
    for (Diagnostic d : errors) {
      if (!d.where().file().equals(file)) {
        continue;
      }
      int line = d.where().line();
      if (line == v.line() || spans.getOrDefault(line, List.of()).contains(v.line())) {
        return true;
      }
    }
    return false;
  }

  /** For each line where a directive starts, the lines nginx may name for it. */
  private static Map<Integer, List<Integer>> spans(String text) {
    Map<Integer, List<Integer>> out = new HashMap<>();
    var src = new Source("x", org.opsbook.check.Snippet.ofFile("nginx", text, "x"), true);
    walk(NginxParser.parse(src, false).directives(), out);
    return out;
  }

  private static void walk(List<Directive> ds, Map<Integer, List<Integer>> out) {
    for (Directive d : ds) {
      out.computeIfAbsent(d.line(), k -> new ArrayList<>()).addAll(List.of(d.endLine(), d.closeLine()));
      if (d.isBlock()) {
        walk(d.block(), out);
      }
    }
  }

  static Map<String, String> knownDifferences() throws IOException {
    Path f = Project.testResource("org/opsbook/checker/nginx/oracle/known-differences.txt");
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

package org.opsbook.checker.apache;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.check.CheckContext;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestBlock;
import org.opsbook.check.TestReport;
import org.opsbook.diag.Diagnostic;
import org.opsbook.snippet.TestBlockParser;

/** Test helper: the checker's findings, queries and test blocks on a config text. */
public final class Ask {
  private static final ApacheChecker CHECKER = new ApacheChecker();

  private Ask() {}

  public static List<Diagnostic> check(String config) {
    return CHECKER.check(Snippet.of("apache", config, "t.conf", Map.of("id", "s")), CheckContext.empty());
  }

  /** The answer line of a query (the last line of the output), or the diagnostics when it fails. */
  public static String query(String config, String question) {
    QueryResult r = CHECKER.query(Snippet.of("apache", config, "t.conf", Map.of("id", "s")), question, CheckContext.empty());
    if (!r.diagnostics().isEmpty()) {
      return r.diagnostics().toString();
    }
    String[] lines = r.output().strip().split("\n");
    return lines[lines.length - 1];
  }

  public static String trace(String config, String question) {
    return CHECKER.query(Snippet.of("apache", config, "t.conf", Map.of("id", "s")), question, CheckContext.empty()).output();
  }

  /** Runs a test block (its attributes as a map) against the config. */
  public static TestReport tests(String config, String block, Map<String, String> attributes) {
    Map<String, String> attrs = new TreeMap<>(attributes);
    attrs.put("for", "s");
    TestBlock tb = TestBlockParser.parse(Snippet.of("test", block, "t.md", attrs)).block();
    return CHECKER.runTests(Snippet.of("apache", config, "t.conf", Map.of("id", "s")), tb, CheckContext.empty());
  }
}

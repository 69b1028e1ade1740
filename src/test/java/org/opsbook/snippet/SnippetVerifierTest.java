package org.opsbook.snippet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;
import org.opsbook.testing.ToyChecker;

class SnippetVerifierTest {
  private final CheckerRegistry registry = CheckerRegistry.of(List.of(new ToyChecker()));
  private final SnippetVerifier verifier = new SnippetVerifier(registry, Map.of());

  private CheckedSnippet verify(String text, Map<String, String> attributes) {
    return verifier.verify(Snippet.of("toy", text, "a.md", attributes), CheckContext.empty());
  }

  private static List<String> rules(List<Diagnostic> ds) {
    return ds.stream().map(d -> d.rule().value()).sorted().toList();
  }

  @Test
  void errorsCountAgainstTheBuild() {
    CheckedSnippet c = verify("header x\nbad 1\n", Map.of());
    assertEquals(SnippetStatus.ERRORS, c.status());
    assertEquals(List.of("toy.bad"), rules(c.counted()));
  }

  @Test
  void fragmentsTurnWholeFileRulesOff() {
    assertEquals(List.of("toy.header"), rules(verify("a 1\n", Map.of()).counted()));
    assertEquals(List.of(), rules(verify("a 1\n", Map.of("fragment", "true")).counted()));
  }

  @Test
  void ignoreSilencesNamedRulesAndAliases() {
    assertEquals(List.of(), rules(verify("header\nold 1\n", Map.of("ignore", "toy.old")).counted()));
    assertEquals(List.of(), rules(verify("header\nold 1\n", Map.of("ignore", "toy.ancient")).counted()));
  }

  @Test
  void ignoringAnUnknownRuleIsAnError() {
    CheckedSnippet c = verify("header\n", Map.of("ignore", "toy.nope"));
    assertEquals(List.of("opsbook.unknown-rule"), rules(c.counted()));
  }

  @Test
  void expectedRuleFoundMeansTheSnippetPasses() {
    CheckedSnippet c = verify("header\nbad 1\n", Map.of("expect", "toy.bad"));
    assertEquals(SnippetStatus.EXPECTED_FAILURE, c.status());
    assertTrue(c.counted().isEmpty(), c.counted().toString());
    assertEquals(List.of("toy.bad"), rules(c.shown()));
  }

  @Test
  void expectedRuleMissingFailsTheBuild() {
    CheckedSnippet c = verify("header\nold 1\n", Map.of("expect", "toy.bad"));
    assertEquals(SnippetStatus.ERRORS, c.status());
    assertTrue(rules(c.counted()).contains("opsbook.expectation"));
    assertTrue(c.counted().stream().anyMatch(d -> d.message().contains("it found: warning toy.old")));
  }

  @Test
  void expectErrorNeedsAnError() {
    assertEquals(SnippetStatus.EXPECTED_FAILURE, verify("header\nbad\n", Map.of("expect", "error")).status());
    CheckedSnippet warnOnly = verify("header\nold\n", Map.of("expect", "error"));
    assertEquals(SnippetStatus.ERRORS, warnOnly.status());
  }

  @Test
  void anUnannouncedSecondErrorStillCounts() {
    CheckedSnippet c = verify("bad\nold\n", Map.of("expect", "toy.old"));
    assertEquals(List.of("toy.bad", "toy.header"), rules(c.counted()));
    assertEquals(SnippetStatus.ERRORS, c.status());
  }

  @Test
  void checkOffSkipsTheChecker() {
    CheckedSnippet c = verify("bad\n", Map.of("check", "off"));
    assertEquals(SnippetStatus.UNCHECKED, c.status());
    assertTrue(c.counted().isEmpty());
  }

  @Test
  void expectOnAnUncheckedLanguageIsAnError() {
    CheckedSnippet c = verifier.verify(Snippet.of("nginx", "x\n", "a.md", Map.of("expect", "error")), CheckContext.empty());
    assertEquals(List.of("opsbook.attribute"), rules(c.counted()));
  }

  @Test
  void siteSeverityOverridesApply() {
    SnippetVerifier strict = new SnippetVerifier(registry, Map.of("toy.old", Severity.ERROR));
    CheckedSnippet c = strict.verify(Snippet.of("toy", "header\nold\n", "a.md", Map.of()), CheckContext.empty());
    assertEquals(Severity.ERROR, c.counted().get(0).severity());
    java.util.HashMap<String, Severity> off = new java.util.HashMap<>();
    off.put("toy.old", null);
    CheckedSnippet quiet = new SnippetVerifier(registry, off)
        .verify(Snippet.of("toy", "header\nold\n", "a.md", Map.of()), CheckContext.empty());
    assertTrue(quiet.counted().isEmpty());
  }

  @Test
  void aCrashingCheckerBecomesADiagnostic() {
    CheckedSnippet c = verify("crash\n", Map.of());
    assertEquals(List.of("opsbook.checker-failure"), rules(c.counted()));
  }
}

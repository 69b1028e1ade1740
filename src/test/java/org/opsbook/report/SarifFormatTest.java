package org.opsbook.report;

import org.opsbook.testing.Golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SarifFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = loadSchema();

  private static JsonSchema loadSchema() {
    try (InputStream in = SarifFormatTest.class.getResourceAsStream("sarif-schema-2.1.0.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode sarif(Report report) throws IOException {
    return JSON.readTree(ReportFixtures.render(new SarifFormat(), report));
  }

  @Test
  void mixedReportIsValidSarif210() throws IOException {
    Set<ValidationMessage> problems = SCHEMA.validate(sarif(ReportFixtures.mixed()));
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void cleanReportIsValidSarifWithNoResults() throws IOException {
    JsonNode log = sarif(ReportFixtures.clean());
    assertTrue(SCHEMA.validate(log).isEmpty());
    assertEquals(0, log.at("/runs/0/results").size());
  }

  @Test
  void schemaRejectsWhatGithubWouldReject() throws IOException {
    // The validation above means something only if the schema catches real mistakes.
    ObjectNode log = (ObjectNode) sarif(ReportFixtures.mixed());
    ((ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");
    ((ObjectNode) log.at("/runs/0/results/1/locations/0/physicalLocation/region")).put("startLine", 0);
    assertEquals(2, SCHEMA.validate(log).size());
  }

  @Test
  void everyResultPointsAtItsRuleDescriptor() throws IOException {
    JsonNode run = sarif(ReportFixtures.mixed()).at("/runs/0");
    JsonNode rules = run.at("/tool/driver/rules");
    for (JsonNode result : run.get("results")) {
      JsonNode rule = rules.get(result.get("ruleIndex").asInt());
      assertEquals(result.get("ruleId").asText(), rule.get("id").asText());
    }
  }

  @Test
  void rulesCarryTheExplainTextAsHelp() throws IOException {
    JsonNode rules = sarif(ReportFixtures.mixed()).at("/runs/0/tool/driver/rules");
    JsonNode unknown = find(rules, "sshd.unknown-keyword");
    assertEquals(ReportFixtures.UNKNOWN_KEYWORD.explanation(), unknown.at("/help/markdown").asText());
    assertEquals("Keyword sshd does not know", unknown.at("/shortDescription/text").asText());
    assertEquals("sshd refuses to start when `sshd_config` holds a keyword it does not know.",
        unknown.at("/fullDescription/text").asText());
    assertEquals("error", unknown.at("/defaultConfiguration/level").asText());
    assertEquals("warning", find(rules, "sshd.permit-root-login").at("/defaultConfiguration/level").asText());
  }

  @Test
  void resultsAreLocatedByRelativeUriLineAndColumn() throws IOException {
    JsonNode results = sarif(ReportFixtures.mixed()).at("/runs/0/results");
    JsonNode first = results.get(0);
    assertEquals("sshd.unknown-keyword", first.get("ruleId").asText());
    JsonNode location = first.at("/locations/0/physicalLocation");
    assertEquals("content/articles/ssh%20bastion/index.md", location.at("/artifactLocation/uri").asText());
    assertEquals("%SRCROOT%", location.at("/artifactLocation/uriBaseId").asText());
    assertEquals(14, location.at("/region/startLine").asInt());
    assertEquals(1, location.at("/region/startColumn").asInt());
    assertTrue(first.at("/message/text").asText().endsWith("hint: did you mean PermitRootLogin?\nsee sshd_config(5)"));
  }

  @Test
  void failedTestCaseBecomesAnErrorResultWithItsOwnRule() throws IOException {
    JsonNode log = sarif(ReportFixtures.mixed());
    List<JsonNode> failed = new ArrayList<>();
    log.at("/runs/0/results").forEach(r -> {
      if (r.get("ruleId").asText().equals("opsbook.test-failed")) {
        failed.add(r);
      }
    });
    assertEquals(1, failed.size());
    assertEquals(62, failed.get(0).at("/locations/0/physicalLocation/region/startLine").asInt());
    assertEquals("error", failed.get(0).get("level").asText());
    assertFalse(find(log.at("/runs/0/tool/driver/rules"), "opsbook.test-failed").at("/help/text").asText().isBlank());
  }

  @Test
  void aFailedTestThePipelineAlreadyReportedIsNotRepeated() throws IOException {
    Report mixed = ReportFixtures.mixed();
    java.util.List<org.opsbook.diag.Diagnostic> diagnostics = new java.util.ArrayList<>(mixed.diagnostics());
    diagnostics.add(org.opsbook.diag.Diagnostic.error(
        new org.opsbook.diag.SourceSpan(ReportFixtures.TOR, 62, 1), "opsbook.test-failed", "test failed: expected DROP"));
    Report both = new Report(diagnostics, mixed.snippets(), mixed.tests(), mixed.rules());
    long failed = 0;
    for (JsonNode r : sarif(both).at("/runs/0/results")) {
      failed += r.get("ruleId").asText().equals("opsbook.test-failed") ? 1 : 0;
    }
    assertEquals(1, failed);
  }

  @Test
  void absolutePathsFromLintBecomeFileUris() throws IOException {
    org.opsbook.diag.Diagnostic d = org.opsbook.diag.Diagnostic.error(
        new org.opsbook.diag.SourceSpan("/etc/ssh/sshd config", 3, 1), "sshd.unknown-keyword", "typo");
    JsonNode log = sarif(new Report(java.util.List.of(d), java.util.List.of(), java.util.List.of(), java.util.List.of()));
    assertTrue(SCHEMA.validate(log).isEmpty());
    JsonNode artifact = log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
    assertEquals("file:///etc/ssh/sshd%20config", artifact.get("uri").asText());
    assertFalse(artifact.has("uriBaseId"));
  }

  @Test
  void outputMatchesGoldenFileAndIsStable() throws IOException {
    String once = ReportFixtures.render(new SarifFormat(), ReportFixtures.mixed());
    assertEquals(once, ReportFixtures.render(new SarifFormat(), ReportFixtures.mixed()));
    Golden.assertMatches("org/opsbook/report/mixed.sarif.expected", once);
  }

  private static JsonNode find(JsonNode rules, String id) {
    for (JsonNode rule : rules) {
      if (rule.get("id").asText().equals(id)) {
        return rule;
      }
    }
    throw new AssertionError("no rule " + id);
  }
}

package org.opsbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The CI jobs the README offers for copying: valid YAML, and only formats that exist. */
class CiExamplesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern FORMAT = Pattern.compile("--format (\\S+)");

  private static JsonNode load(String name) throws IOException {
    try (InputStream in = CiExamplesTest.class.getResourceAsStream("ci/" + name)) {
      return YAML.readTree(in);
    }
  }

  private static List<String> formats(List<String> commands) {
    List<String> found = new ArrayList<>();
    for (String c : commands) {
      Matcher m = FORMAT.matcher(c);
      while (m.find()) {
        found.add(m.group(1));
      }
    }
    return found;
  }

  @Test
  void githubJobAnnotatesAndUploadsSarifEvenWhenTheCheckFails() throws IOException {
    JsonNode workflow = load("github-actions.yml");
    assertEquals("write", workflow.at("/permissions/security-events").asText());
    List<String> runs = new ArrayList<>();
    JsonNode upload = null;
    for (JsonNode step : workflow.at("/jobs/check/steps")) {
      if (step.has("run")) {
        runs.add(step.get("run").asText());
      }
      if (step.path("uses").asText().startsWith("github/codeql-action/upload-sarif@")) {
        upload = step;
      }
    }
    assertEquals(List.of("github", "sarif"), formats(runs));
    assertTrue(ReportFormats.names().containsAll(formats(runs)));
    assertTrue(upload != null && upload.path("if").asText().equals("always()"), "SARIF is uploaded after a failed check");
    assertTrue(runs.get(1).endsWith("> " + upload.at("/with/sarif_file").asText()));
  }

  @Test
  void gitlabJobPublishesJunitAsTheTestReport() throws IOException {
    JsonNode job = load("gitlab-ci.yml").get("opsbook");
    List<String> script = new ArrayList<>();
    job.get("script").forEach(s -> script.add(s.asText()));
    assertEquals(List.of("junit"), formats(script));
    assertTrue(script.get(0).endsWith("> " + job.at("/artifacts/reports/junit").asText()));
    assertEquals("always", job.at("/artifacts/when").asText());
  }
}

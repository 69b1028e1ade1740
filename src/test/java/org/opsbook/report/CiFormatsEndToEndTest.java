package org.opsbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.RuleInfo;
import org.opsbook.site.Build;
import org.opsbook.site.BuildOptions;

/** The CI formats on a report from a real build of a small project with a deliberate mistake. */
class CiFormatsEndToEndTest {
  @TempDir Path project;
  private Report report;
  private final CheckerRegistry registry = CheckerRegistry.load();

  @BeforeEach
  void buildTheProject() throws Exception {
    Files.writeString(project.resolve("opsbook.yaml"), "title: E2E\nbase_url: https://e2e.example.org/\n");
    Path article = Files.createDirectories(project.resolve("content/articles/bad")).resolve("index.md");
    Files.writeString(article, String.join("\n",
        "---", "title: \"A bastion with a typo\"", "date: 2026-03-14", "summary: \"Wrong on purpose.\"", "---", "",
        "Some text.", "",
        "```sshd_config {file=/etc/ssh/sshd_config}", "PermitRootLogn no", "AllowGroups ops", "```", "",
        "```shell", "$ echo hi", "```", ""));
    report = new Build(registry, 1).run(BuildOptions.forProject(project).withWrite(false)).report();
  }

  @Test
  void sarifFromARealBuildIsValidAndPointsAtTheTypo() throws Exception {
    JsonNode log = new ObjectMapper().readTree(ReportFixtures.render(new SarifFormat(), report));
    try (InputStream schema = getClass().getResourceAsStream("sarif-schema-2.1.0.json")) {
      assertEquals(java.util.Set.of(), JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema).validate(log));
    }
    JsonNode result = null;
    for (JsonNode r : log.at("/runs/0/results")) {
      if (r.get("ruleId").asText().equals("sshd.unknown-keyword")) {
        result = r;
      }
    }
    assertTrue(result != null, "the typo is reported: " + log.at("/runs/0/results"));
    assertEquals("error", result.get("level").asText());
    assertEquals("content/articles/bad/index.md", result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    assertEquals(10, result.at("/locations/0/physicalLocation/region/startLine").asInt());
    assertEquals(1, result.at("/locations/0/physicalLocation/region/startColumn").asInt());
    RuleInfo rule = registry.rule("sshd.unknown-keyword").orElseThrow();
    JsonNode descriptor = log.at("/runs/0/tool/driver/rules").get(result.get("ruleIndex").asInt());
    assertEquals(rule.explanation(), descriptor.at("/help/markdown").asText(), "help is the opsbook explain text");
  }

  @Test
  void junitFromARealBuildIsValidWithOneFailingSnippet() throws Exception {
    String xml = ReportFixtures.render(new JunitFormat(), report);
    SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(getClass().getResource("junit.xsd"))
        .newValidator().validate(new StreamSource(new StringReader(xml)));
    assertTrue(xml.contains("<testsuites name=\"opsbook check\" tests=\"2\" failures=\"1\" errors=\"0\">"), xml);
    assertTrue(xml.contains("<testcase name=\"sshd_config snippet at line 9\""), xml);
    assertTrue(xml.contains("<skipped message=\"not checked: no checker read this snippet\"/>"), xml);
  }

  @Test
  void githubAnnotationLandsOnTheTypoLine() {
    List<String> lines = ReportFixtures.render(new GithubFormat(), report).lines().toList();
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(
        "::error file=content/articles/bad/index.md,line=10,col=1,title=sshd.unknown-keyword::")), lines.toString());
    assertTrue(ExitPolicy.DEFAULT.judge(report).fails());
  }
}

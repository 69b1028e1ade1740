package org.opsbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;
import org.opsbook.markdown.MarkdownPipeline;
import org.junit.jupiter.api.Test;

class RuleExplanationsTest {
  private final MarkdownPipeline markdown = new MarkdownPipeline();

  @Test
  void theBuildPrerendersEveryRuleAsABuildWouldRenderItNow() {
    List<RuleInfo> rules = CheckerRegistry.load().rules();
    RuleExplanations prerendered = RuleExplanations.prerendered();
    // Maven's process-classes phase writes the resource; without it this test says so.
    assertEquals(rules.size(), prerendered.size(), "run 'mvn process-classes' to write " + RuleExplanations.RESOURCE);
    assertTrue(rules.size() > 200, "every checker's rules: " + rules.size());
    for (RuleInfo rule : rules) {
      assertTrue(prerendered.isCurrent(rule), "prerendered from its Markdown now: " + rule.id().value());
      assertEquals(markdown.toHtml(rule.explanation()), prerendered.html(rule, markdown), rule.id().value());
    }
  }

  @Test
  void anEntryWhoseMarkdownChangedSinceIsRenderedAgain() throws IOException {
    RuleInfo then = RuleInfo.of("demo.rule", Severity.WARNING, "A demo", "Old *text*.");
    RuleInfo now = RuleInfo.of("demo.rule", Severity.WARNING, "A demo", "New **text**.");
    RuleExplanations kept = roundTrip(List.of(then));
    assertTrue(kept.isCurrent(then));
    assertFalse(kept.isCurrent(now));
    assertEquals("<p>Old <em>text</em>.</p>\n", kept.html(then, markdown));
    assertEquals("<p>New <strong>text</strong>.</p>\n", kept.html(now, markdown));
    RuleInfo unknown = RuleInfo.of("demo.other", Severity.ERROR, "Another", "Not *kept*.");
    assertEquals("<p>Not <em>kept</em>.</p>\n", kept.html(unknown, markdown));
  }

  @Test
  void explanationsLongerThan64KilobytesAndInEveryScriptSurvive() throws IOException {
    String long1 = "Größe 日本語 𝒳𝒴 ".repeat(6000);
    RuleInfo rule = RuleInfo.of("demo.long", Severity.INFO, "Long", long1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RuleExplanations.write(List.of(rule), markdown, out);
    assertTrue(out.size() > 65_536 * 2);
    RuleExplanations kept = RuleExplanations.read(new ByteArrayInputStream(out.toByteArray()));
    assertEquals(1, kept.size());
    assertEquals(markdown.toHtml(long1), kept.html(rule, markdown));
  }

  @Test
  void anUnknownFormatIsIgnored() throws IOException {
    byte[] other = {0, 0, 0, 9, 0, 0, 0, 0};
    assertEquals(0, RuleExplanations.read(new ByteArrayInputStream(other)).size());
  }

  @Test
  void aDamagedResourceIsAnIoErrorNeverACrash() throws IOException {
    RuleInfo rule = RuleInfo.of("demo.rule", Severity.WARNING, "A demo", "Some *text*.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RuleExplanations.write(List.of(rule), markdown, out);
    byte[] good = out.toByteArray();
    java.util.Random random = new java.util.Random(5);
    for (int round = 0; round < 2000; round++) {
      byte[] bad = java.util.Arrays.copyOf(good, random.nextInt(good.length + 1));
      for (int flips = random.nextInt(4); flips > 0 && bad.length > 0; flips--) {
        bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
      }
      try {
        RuleExplanations.read(new ByteArrayInputStream(bad));
      } catch (IOException expected) {
        // A damaged resource: prerendered() then renders every explanation.
      }
    }
  }

  private RuleExplanations roundTrip(List<RuleInfo> rules) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RuleExplanations.write(rules, markdown, out);
    return RuleExplanations.read(new ByteArrayInputStream(out.toByteArray()));
  }
}

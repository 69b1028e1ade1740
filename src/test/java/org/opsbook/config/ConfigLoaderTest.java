package org.opsbook.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckerRegistry;

/** Every configuration error points at the key it is about, even where the same word is a key elsewhere. */
class ConfigLoaderTest {
  private static final ConfigLoader LOADER = new ConfigLoader(CheckerRegistry.load());

  private static List<String> positions(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> LOADER.parse(yaml, "opsbook.yaml"));
    return e.diagnostics().stream().map(d -> d.where().toString() + " " + d.message()).toList();
  }

  @Test
  void aNestedKeyIsPlacedAtItselfNotAtAnEarlierKeyOfTheSameName() {
    assertEquals(List.of("opsbook.yaml:5:3 'version' is not a rule ID"),
        positions("checkers:\n  sshd:\n    version: \"9.2\"\nrules:\n  version: off\n"));
  }

  @Test
  void markdownSettingsArePlacedAtTheirOwnKey() {
    assertEquals(List.of("opsbook.yaml:3:3 unknown setting 'markdown.raw'",
            "opsbook.yaml:4:3 markdown.raw_html 'maybe' is not one of allow, escape, error"),
        positions("title: t\nmarkdown:\n  raw: x\n  raw_html: maybe\n"));
  }

  @Test
  void topLevelProblemsAreAtTheStartOfTheirLine() {
    assertEquals(List.of("opsbook.yaml:2:1 unknown setting 'baseurl'", "opsbook.yaml:3:1 home_articles must be a whole number"),
        positions("title: t\nbaseurl: https://x/\nhome_articles: many\n"));
  }

  /** The YAML parser counts an emoji as one character, where Java counts two. */
  @Test
  void positionsAfterAnEmojiAreWhereAnEditorShowsThem() {
    assertEquals(List.of("opsbook.yaml:2:1 unknown setting 'bogus'"),
        positions("title: \"Ops \uD83D\uDE80\uD83D\uDE80\"\nbogus: 1\n"));
    assertEquals("opsbook.yaml:2:10", positions("title: \"Ops \uD83D\uDE80\uD83D\uDE80\"\nbogus: [1\n").get(0)
        .split(" ")[0]);
  }

  /** Lines end at a line feed, as everywhere opsbook reports a position; YAML also ends them at a lone CR. */
  @Test
  void aLoneCarriageReturnDoesNotEndALine() {
    assertEquals(List.of("opsbook.yaml:2:1 unknown setting 'bogus'"),
        positions("title: t\rbase_url: https://example.org/\nbogus: 1\n"));
  }

  @Test
  void aMisspeltRuleIdIsAnErrorWithTheNearestRule() {
    assertEquals(List.of("opsbook.yaml:2:3 no checker reports a rule 'sshd.use-dsn'"),
        positions("rules:\n  sshd.use-dsn: off\n"));
    ConfigException e = assertThrows(ConfigException.class, () -> LOADER.parse("rules:\n  sshd.use-dsn: off\n", "opsbook.yaml"));
    assertEquals("did you mean sshd.use-dns?", e.diagnostics().get(0).hint());
  }

  @Test
  void opsbooksOwnRulesCannotBeChanged() {
    // Accepted, they would be ignored: these diagnostics come from the pipeline, not a checker.
    assertEquals(List.of(
            "opsbook.yaml:2:3 'opsbook.broken-link' is reported by opsbook itself, not by a checker; rules: changes only"
                + " checkers' rules",
            "opsbook.yaml:3:3 'maintenance.over-budget' is reported by opsbook itself, not by a checker; rules:"
                + " changes only checkers' rules"),
        positions("rules:\n  opsbook.broken-link: off\n  maintenance.over-budget: error\n"));
  }

  @Test
  void rulesThatAreNotAMappingAreAnError() {
    assertEquals(List.of("opsbook.yaml:1:1 rules: must map rule IDs to severities"),
        positions("rules: [sshd.use-dns]\n"));
  }

  @Test
  void checkersRulesAreAccepted() throws Exception {
    SiteConfig config = LOADER.parse("rules:\n  sshd.use-dns: error\n  haproxy.retry-after: off\n", "opsbook.yaml");
    assertEquals(List.of("haproxy.retry-after", "sshd.use-dns"), List.copyOf(config.ruleSeverity().keySet()));
    assertEquals(null, config.ruleSeverity().get("haproxy.retry-after"), "off");
    assertEquals(org.opsbook.diag.Severity.ERROR, config.ruleSeverity().get("sshd.use-dns"));
  }
}

package org.opsbook.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

class FrontMatterParserTest {
  private final FrontMatterParser parser = new FrontMatterParser();

  @Test
  void readsEveryField() {
    ParsedSource p = parser.parse("---\ntitle: \"Hardening sshd\"\ndate: 2026-03-14\nupdated: 2026-05-02\n"
        + "tags: [ssh, security]\nsummary: Keys only.\ndraft: true\naliases: [/old/ssh/]\n---\nBody\n",
        "a.md", Kind.ARTICLE, Set.of());
    FrontMatter fm = p.frontMatter();
    assertNotNull(fm, () -> p.diagnostics().toString());
    assertEquals("Hardening sshd", fm.title());
    assertEquals(LocalDate.of(2026, 3, 14), fm.date());
    assertEquals(LocalDate.of(2026, 5, 2), fm.updated());
    assertEquals(List.of("ssh", "security"), fm.tags());
    assertTrue(fm.draft());
    assertEquals(List.of("/old/ssh/"), fm.aliases());
    assertEquals("Body\n", p.body());
    assertEquals(10, p.bodyLine());
  }

  @Test
  void badDateIsAnErrorAtItsLine() {
    ParsedSource p = parser.parse("---\ntitle: x\ndate: 14/03/2026\n---\n", "a.md", Kind.ARTICLE, Set.of());
    assertNull(p.frontMatter());
    Diagnostic d = p.diagnostics().get(0);
    assertEquals(3, d.where().line());
    assertTrue(d.message().contains("not a date"), d.message());
  }

  @Test
  void aTitleOrSummaryThatYamlReadsAsAListIsSaidToBeOne() {
    ParsedSource p = parser.parse("---\ntitle: [draft, backups]\ndate: 2026-01-01\nsummary: {a: b}\n---\n", "a.md",
        Kind.ARTICLE, Set.of());
    assertNull(p.frontMatter());
    assertEquals(List.of("a.md:2:1 title must be text, not a list or a mapping",
        "a.md:4:1 summary must be text, not a list or a mapping"),
        p.diagnostics().stream().map(d -> d.where() + " " + d.message()).toList());
  }

  @Test
  void invalidYamlIsReportedAtTheFileLine() {
    ParsedSource p = parser.parse("---\ntitle: x\ndate: 2026-01-01\ntags: [a, b\n---\n", "a.md", Kind.ARTICLE, Set.of());
    assertNull(p.frontMatter());
    Diagnostic d = p.diagnostics().get(0);
    assertTrue(d.message().startsWith("front matter is not valid YAML"), d.message());
    assertTrue(d.where().line() >= 4, "line " + d.where().line());
  }

  @Test
  void invalidYamlAfterLineBreaksOtherThanNewlineIsReportedOnALineOfTheFileInOneLine() {
    // YAML also ends lines at a lone CR and at U+2028: its own line count runs past the file's.
    ParsedSource p = parser.parse("---\ntitle: a\r\r\r\r\r\rb: [\n---\nbody\n", "a.md", Kind.ARTICLE, Set.of());
    Diagnostic d = p.diagnostics().get(0);
    assertEquals(2, d.where().line(), d::toString);
    assertEquals(19, d.where().column(), d::toString);
    assertEquals("front matter is not valid YAML: a '[' or '{' is never closed", d.message());
    ParsedSource separators = parser.parse("---\ntitle: a\u2028\u2028\u2028x: {\n---\n", "a.md", Kind.PAGE, Set.of());
    assertEquals(2, separators.diagnostics().get(0).where().line(), () -> separators.diagnostics().toString());
  }

  @Test
  void aKeyGivenTwiceIsAnErrorAtItsSecondLine() {
    ParsedSource p = parser.parse("---\ntitle: Old\ndate: 2026-01-01\ntitle: New\n---\n", "a.md", Kind.ARTICLE, Set.of());
    assertNull(p.frontMatter());
    Diagnostic d = p.diagnostics().get(0);
    assertEquals(4, d.where().line(), d::toString);
    assertTrue(d.message().contains("Duplicate field 'title'"), d.message());
  }

  @Test
  void frontMatterLongerThanItsLimitIsAnErrorWithoutReadingIt() {
    String value = "y".repeat(FrontMatterParser.MAX_YAML);
    ParsedSource p = parser.parse("---\ntitle: " + value + "\n---\nBody\n", "a.md", Kind.PAGE, Set.of());
    assertNull(p.frontMatter());
    assertEquals("the front matter is 65,544 characters long; at most 65,536 are read", p.diagnostics().get(0).message());
    assertEquals("Body\n", p.body());
    ParsedSource fits = parser.parse("---\ntitle: " + value.substring(8) + "\n---\n", "a.md", Kind.PAGE, Set.of());
    assertNotNull(fits.frontMatter(), () -> fits.diagnostics().toString());
  }

  @Test
  void moreThanAHundredTagsOrAliasesAreAnError() {
    StringBuilder tags = new StringBuilder();
    for (int i = 0; i <= FrontMatterParser.MAX_LIST; i++) {
      tags.append(i == 0 ? "" : ", ").append("t").append(i);
    }
    ParsedSource p = parser.parse("---\ntitle: x\ndate: 2026-01-01\ntags: [" + tags + "]\n---\n", "a.md", Kind.ARTICLE, Set.of());
    assertNull(p.frontMatter());
    assertEquals("a.md:4:1: error: tags has 101 entries; at most 100 are allowed [opsbook.front-matter]",
        p.diagnostics().get(0).toString().lines().findFirst().orElseThrow());
    ParsedSource hundred = parser.parse("---\ntitle: x\ndate: 2026-01-01\ntags: [" + tags.substring(0, tags.lastIndexOf(","))
        + "]\n---\n", "a.md", Kind.ARTICLE, Set.of());
    assertEquals(100, hundred.frontMatter().tags().size(), () -> hundred.diagnostics().toString());
  }

  @Test
  void articlesNeedADateButPagesDoNot() {
    assertNull(parser.parse("---\ntitle: x\n---\n", "a.md", Kind.ARTICLE, Set.of()).frontMatter());
    assertNotNull(parser.parse("---\ntitle: x\n---\n", "a.md", Kind.PAGE, Set.of()).frontMatter());
  }

  @Test
  void missingFrontMatterIsAnError() {
    ParsedSource p = parser.parse("# Title\n", "a.md", Kind.PAGE, Set.of());
    assertNull(p.frontMatter());
    assertEquals(1, p.diagnostics().get(0).where().line());
  }

  @Test
  void unclosedFrontMatterIsAnError() {
    ParsedSource p = parser.parse("---\ntitle: x\n", "a.md", Kind.PAGE, Set.of());
    assertTrue(p.diagnostics().get(0).message().contains("never closed"));
  }

  @Test
  void unknownKeysAreWarningsAtTheirLine() {
    ParsedSource p = parser.parse("---\ntitle: x\ndate: 2026-01-01\ntagz: [a]\n---\n", "a.md", Kind.ARTICLE, Set.of());
    assertNotNull(p.frontMatter());
    Diagnostic d = p.diagnostics().get(0);
    assertEquals(Severity.WARNING, d.severity());
    assertEquals(4, d.where().line());
  }

  @Test
  void updatedBeforeDateIsAnError() {
    ParsedSource p = parser.parse("---\ntitle: x\ndate: 2026-02-01\nupdated: 2026-01-01\n---\n", "a.md", Kind.ARTICLE,
        Set.of());
    assertNull(p.frontMatter());
    assertEquals(4, p.diagnostics().get(0).where().line());
  }

  @Test
  void aliasesMustBeSitePaths() {
    ParsedSource p = parser.parse("---\ntitle: x\ndate: 2026-02-01\naliases: [old/page]\n---\n", "a.md", Kind.ARTICLE,
        Set.of());
    assertFalse(p.diagnostics().isEmpty());
    assertTrue(p.diagnostics().get(0).message().contains("must be a site path"));
  }

  @Test
  void crlfFilesParse() {
    ParsedSource p = parser.parse("---\r\ntitle: x\r\ndate: 2026-02-01\r\n---\r\nBody\r\n", "a.md", Kind.ARTICLE, Set.of());
    assertNotNull(p.frontMatter(), () -> p.diagnostics().toString());
    assertEquals(5, p.bodyLine());
  }

  @Test
  void aliasesCannotClimbOutOfTheSite() {
    ParsedSource p = parser.parse("---\ntitle: x\ndate: 2026-02-01\naliases: [/old/../../etc/]\n---\n", "a.md",
        Kind.ARTICLE, Set.of());
    assertNull(p.frontMatter());
    assertTrue(p.diagnostics().get(0).message().contains("'..'"), p.diagnostics().toString());
  }
}

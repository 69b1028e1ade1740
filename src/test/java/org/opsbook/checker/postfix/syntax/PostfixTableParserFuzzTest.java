package org.opsbook.checker.postfix.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.opsbook.check.Findings;
import org.opsbook.check.Snippet;
import org.opsbook.checker.postfix.engine.EngineChoice;
import org.opsbook.checker.postfix.engine.Engines;
import org.opsbook.checker.postfix.model.Table;
import org.opsbook.checker.postfix.model.TableKind;
import org.opsbook.checker.postfix.model.TableRule;
import org.opsbook.checker.postfix.model.TableUse;

class PostfixTableParserFuzzTest {

  /**
   * Any text reads as a pcre: and as a regexp: table, with the native engines where they are
   * installed (so every pattern is also compiled by libpcre2-8 and glibc) and with the translator:
   * findings and rules stay within the text, and nothing throws or crashes.
   */
  @FuzzTest(maxDuration = "30s")
  void fuzzTableParser(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    Snippet snippet = Snippet.of("postfix-pcre", text, "t", Map.of());
    int lines = Math.max(1, snippet.lines().size());
    for (TableKind kind : TableKind.values()) {
      for (EngineChoice choice : new EngineChoice[] {EngineChoice.AUTO, EngineChoice.TRANSLATOR}) {
        Findings findings = new Findings(snippet);
        Table table = PostfixTableParser.parse(snippet.lines(), 1, kind, TableUse.HEADER, Engines.of(kind, choice),
            findings);
        for (TableRule rule : table.rules()) {
          assertTrue(rule.line() >= 1 && rule.line() <= lines, "rule line " + rule.line());
        }
        findings.diagnostics().forEach(d -> assertTrue(d.where().line() >= 1 && d.where().line() <= lines,
            "finding at " + d.where() + " in " + lines + " lines"));
      }
    }
  }
}

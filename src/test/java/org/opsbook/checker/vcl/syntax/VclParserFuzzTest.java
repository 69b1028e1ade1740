package org.opsbook.checker.vcl.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.opsbook.check.Findings;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;

class VclParserFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void fuzzCompile(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    Snippet snippet = Snippet.ofFile("vcl", text, "fuzz.vcl");
    Findings findings = new Findings(snippet);
    VclParser.parse(snippet, IncludedFiles.NONE, VclParser.DEFAULT_STEVEDORES, findings);
    int lines = Math.max(1, snippet.lines().size());
    for (Diagnostic d : findings.diagnostics()) {
      assertTrue(d.where().line() >= 1 && d.where().line() <= lines, d::toString);
    }
    int end = 0;
    for (HighlightToken t : VclHighlighter.highlight(text)) {
      assertTrue(t.start() >= end && t.end() <= text.length(), t::toString);
      end = t.end();
    }
  }
}

package org.opsbook.checker.nginx.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.opsbook.check.CheckContext;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.Snippet;
import org.opsbook.checker.nginx.NginxChecker;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.Source;

class NginxParserFuzzTest {
  private static final NginxChecker CHECKER = new NginxChecker();

  @FuzzTest(maxDuration = "20s")
  void readsAnyTextIntoDirectivesOrOneErrorWithinTheText(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    Snippet snippet = Snippet.ofFile("nginx", text, "fuzz.conf");
    int lines = text.split("\n", -1).length;
    for (boolean excerpt : new boolean[] {false, true}) {
      ParsedText parsed = NginxParser.parse(new Source("fuzz.conf", snippet, true), excerpt);
      parsed.error().ifPresent(e -> assertTrue(e.line() >= 1 && e.line() <= lines, e.toString()));
      check(parsed.directives(), lines);
    }
    int end = 0;
    for (HighlightToken t : NginxHighlighter.highlight(text)) {
      assertTrue(t.start() >= end && t.end() <= text.length() && t.start() < t.end(), t.toString());
      end = t.end();
    }
    CHECKER.check(snippet, CheckContext.empty());
  }

  private static void check(List<Directive> directives, int lines) {
    for (Directive d : directives) {
      assertTrue(d.line() >= 1 && d.line() <= d.endLine() && d.endLine() <= lines && d.closeLine() <= lines, d.toString());
      if (d.isBlock()) {
        check(d.block(), lines);
      }
    }
  }
}

package org.opsbook.checker.haproxy.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.opsbook.check.CheckContext;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.Snippet;
import org.opsbook.checker.haproxy.HaproxyChecker;
import org.opsbook.checker.haproxy.model.Line;
import org.opsbook.checker.haproxy.model.Section;
import org.opsbook.checker.haproxy.model.Word;

class HaproxyParserFuzzTest {
  private static final HaproxyChecker CHECKER = new HaproxyChecker();

  @FuzzTest(maxDuration = "20s")
  void readsAnyTextIntoSectionsAndProblemsWithinTheText(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    int lines = text.split("\n", -1).length;
    ParsedText parsed = HaproxyParser.parse(text, "fuzz.cfg", 0);
    for (Problem p : parsed.problems()) {
      assertTrue(p.line() >= 1 && p.line() <= lines && p.column() >= 1, p.toString());
    }
    for (Section s : parsed.sections()) {
      for (Line l : s.lines()) {
        assertTrue(l.number() >= 1 && l.number() <= lines, l.toString());
        for (Word w : l.words()) {
          assertTrue(w.column() >= 1 && w.end() >= w.column(), w.toString());
        }
      }
    }
    int end = 0;
    for (HighlightToken t : HaproxyHighlighter.highlight(text)) {
      assertTrue(t.start() >= end && t.end() <= text.length() && t.start() < t.end(), t.toString());
      end = t.end();
    }
    Snippet snippet = Snippet.ofFile("haproxy", text, "fuzz.cfg");
    CHECKER.check(snippet, CheckContext.empty());
    CHECKER.query(snippet, "GET http://www.example.org/api/x?y=1 from 203.0.113.5 cookie s=1", CheckContext.empty());
  }
}

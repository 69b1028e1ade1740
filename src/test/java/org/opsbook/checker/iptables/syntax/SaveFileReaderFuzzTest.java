package org.opsbook.checker.iptables.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.model.Outcome;
import org.opsbook.diag.Diagnostic;

class SaveFileReaderFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void readsAnyRestoreFileIntoFindingsAndOutcomesAtItsLines(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    for (String language : List.of("iptables-save", "ip6tables-restore")) {
      Snippet snippet = Snippet.ofFile(language, text, "rules.v4");
      IptablesParser.Result r = IptablesParser.parse(snippet, List.of());
      int lines = Math.max(1, snippet.lines().size());
      for (Diagnostic d : r.diagnostics()) {
        assertTrue(d.where().line() >= 1 && d.where().line() <= lines, d.toString());
      }
      for (Outcome o : r.outcomes()) {
        assertTrue(o.line() >= 1 && o.line() <= lines, o.toString());
      }
    }
  }
}

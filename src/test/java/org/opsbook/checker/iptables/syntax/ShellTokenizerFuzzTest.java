package org.opsbook.checker.iptables.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.opsbook.check.Findings;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.model.Word;
import org.opsbook.diag.Diagnostic;

class ShellTokenizerFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void splitsAnyTextIntoWordsThatLieInTheText(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    Snippet snippet = Snippet.ofFile("iptables", text, "t.sh");
    Findings findings = new Findings(snippet);
    int lines = text.split("\n", -1).length;
    for (ShellTokenizer.Command c : ShellTokenizer.tokenize(text, findings)) {
      assertTrue(!c.words().isEmpty());
      assertEquals(c.line(), c.words().get(0).line());
      assertTrue((c.next() == ShellTokenizer.Operator.END) == (c.operatorAt() == null));
      for (Word w : c.words()) {
        assertTrue(w.line() >= 1 && w.line() <= lines && w.column() >= 1, w.toString());
      }
    }
    for (Diagnostic d : findings.diagnostics()) {
      assertEquals("iptables.shell-syntax", d.rule().value());
    }
  }
}

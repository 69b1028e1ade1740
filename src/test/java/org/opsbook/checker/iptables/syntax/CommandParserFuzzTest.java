package org.opsbook.checker.iptables.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opsbook.check.Findings;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.model.Command;
import org.opsbook.checker.iptables.model.Word;

class CommandParserFuzzTest {

  /** The words of one call, one per line (so a word may hold spaces): refused exactly when an error is reported. */
  @FuzzTest(maxDuration = "30s")
  void acceptsACommandExactlyWhenItReportsNoError(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    List<Word> words = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isEmpty()) {
        words.add(new Word(lines[i], i + 1, 1, lines[i].startsWith("$"), false));
      }
    }
    for (String family : List.of("ipv4", "ipv6")) {
      Findings findings = new Findings(Snippet.ofFile("iptables", text, "t"));
      Optional<Command> cmd = CommandParser.parse(words, new Word("iptables", 1, 1, false, false), findings, family, text);
      assertEquals(cmd.isEmpty(), findings.hasErrors(), findings.diagnostics().toString());
    }
  }
}

package org.opsbook.checker.sshclient.syntax;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.opsbook.check.CheckContext;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.Snippet;
import org.opsbook.checker.sshclient.SshClientChecker;
import org.opsbook.diag.Diagnostic;

/** Any bytes as an ssh_config: lexer, parser, catalogue and ssh -G model never throw. */
class SshConfigParserFuzzTest {
  private static final SshClientChecker CHECKER = new SshClientChecker();

  @FuzzTest(maxDuration = "30s")
  void fuzzSshConfig(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    Snippet snippet = Snippet.of("ssh_config", text, "a.md", Map.of());
    int lines = Math.max(1, snippet.lines().size());
    for (Diagnostic d : CHECKER.check(snippet, CheckContext.empty())) {
      assertTrue(d.where().line() >= 1 && d.where().line() <= lines, d.toString());
    }
    assertNotNull(CHECKER.query(snippet, "host=web.example.org user=alice", CheckContext.empty()));
    int end = 0;
    for (HighlightToken t : CHECKER.highlight(text, "ssh_config")) {
      assertTrue(t.start() >= end && t.start() < t.end() && t.end() <= text.length(), t.toString());
      end = t.end();
    }
  }
}

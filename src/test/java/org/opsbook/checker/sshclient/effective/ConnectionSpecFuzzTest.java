package org.opsbook.checker.sshclient.effective;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Snippet;
import org.opsbook.checker.sshclient.SshClientChecker;

/** Any text as the destination of an ssh_config test case or query: read or refused, never thrown. */
class ConnectionSpecFuzzTest {
  private static final Snippet CONFIG = Snippet.of("ssh_config", """
      Host bastion
          User ops
      Match originalhost web* user alice exec "test -f /x"
          ProxyJump bastion
      Match localuser root final
          IdentityFile ~/.ssh/id_%r_%h
      Host *
          ServerAliveInterval 30
      """, "a.md", Map.of());

  @FuzzTest(maxDuration = "20s")
  void fuzzDestination(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    List<String> problems = new ArrayList<>();
    ConnectionSpec spec = ConnectionSpec.parse(text, problems);
    assertTrue(spec != null || !problems.isEmpty());
    new SshClientChecker().query(CONFIG, text, CheckContext.empty());
  }
}

package org.opsbook.checker.sshd.effective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.checker.sshd.catalog.OpensshVersion;
import org.opsbook.checker.sshd.syntax.SshdParser;

class TestBlockRunnerTest {
  private static final String CONFIG = """
      PermitRootLogin no
      Subsystem sftp internal-sftp
      Match User alice Address 203.0.113.0/24
        ChrootDirectory /home/sftp/%u
        ForceCommand internal-sftp
      """;

  private static TestReport run(String tests) {
    Snippet subject = Snippet.of("sshd_config", CONFIG, "a.md", Map.of("id", "sftp"));
    Snippet block = Snippet.of("test", tests, "a.md", Map.of("for", "sftp"));
    return TestBlockRunner.run(SshdParser.parse(subject, OpensshVersion.DEFAULT), subject, block);
  }

  @Test
  void passesWhenEveryExpectationHolds() {
    TestReport r = run("""
        # comments and blank lines are skipped

        user=alice addr=203.0.113.9 => chrootdirectory /home/sftp/alice, forcecommand internal-sftp
        user=alice addr=203.0.113.9 => chrootdirectory /home/sftp/%u
        user=root => permitrootlogin no
        """);
    assertEquals(3, r.passedCount(), r.toString());
    assertTrue(r.diagnostics().isEmpty());
  }

  @Test
  void reportsExpectedAndActualForAFailure() {
    TestReport r = run("user=alice addr=198.51.100.7 => forcecommand internal-sftp\n");
    assertEquals(1, r.failedCount());
    String message = r.results().get(0).message();
    assertTrue(message.contains("expected 'internal-sftp' but got 'none'"), message);
    assertTrue(message.contains("no Match block applies"), message);
  }

  @Test
  void unreadableCasesAreDiagnosticsInTheTestBlock() {
    TestReport r = run("user=alice\nuser=alice => nonsense\nwho=alice => x11forwarding no\n");
    assertEquals(3, r.diagnostics().size(), r.diagnostics().toString());
    assertEquals(2, r.diagnostics().get(1).where().line());
    assertFalse(r.diagnostics().get(0).message().isBlank());
  }
}

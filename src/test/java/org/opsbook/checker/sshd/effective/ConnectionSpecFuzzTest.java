package org.opsbook.checker.sshd.effective;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.checker.sshd.SshdChecker;
import org.opsbook.snippet.TestBlockParser;

/**
 * Any text as the connection of an sshd test case or query: read into a spec or refused with a
 * reason, and answered against a file with every kind of Match block, never an exception.
 */
class ConnectionSpecFuzzTest {
  private static final Snippet CONFIG = Snippet.of("sshd_config", """
      PasswordAuthentication no
      Match User alice Address 192.0.2.0/24
          X11Forwarding yes
      Match Group admins Host *.example.org
          PermitTTY no
      Match LocalPort 2222 LocalAddress 192.0.2.1 RDomain rd*
          MaxSessions 2
      Match All
          ChrootDirectory /srv/%u
      """, "a.md", Map.of("id", "s"));

  @FuzzTest(maxDuration = "20s")
  void fuzzConnectionSpec(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    ConnectionSpec.Parsed parsed = ConnectionSpec.parse(text);
    assertTrue(parsed.spec() != null || !parsed.error().isBlank());
    SshdChecker checker = new SshdChecker();
    checker.query(CONFIG, text, CheckContext.empty());
    String question = text.replace('\n', ' ').replace("=>", "");
    TestReport r = checker.runTests(CONFIG, TestBlockParser.parse(Snippet.of("test", question + " => permittty no\n",
        "a.md", Map.of("for", "s"))).block(), CheckContext.empty());
    assertTrue(r.results().size() + r.diagnostics().size() <= 1);
  }
}

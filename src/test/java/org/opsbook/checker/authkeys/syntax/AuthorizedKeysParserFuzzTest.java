package org.opsbook.checker.authkeys.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.opsbook.check.CheckContext;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.Snippet;
import org.opsbook.checker.authkeys.AuthorizedKeysChecker;
import org.opsbook.diag.Diagnostic;

/**
 * Any bytes as an authorized_keys file (the option lexer, the key blob decoder, the lint rules) and
 * as a question about it: diagnostics inside the file, never an exception.
 */
class AuthorizedKeysParserFuzzTest {
  private static final AuthorizedKeysChecker CHECKER = new AuthorizedKeysChecker();

  @FuzzTest(maxDuration = "30s")
  void fuzzAuthorizedKeys(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    Snippet snippet = Snippet.of("authorized_keys", text, "a.md", Map.of());
    int lines = Math.max(1, snippet.lines().size());
    CheckContext now = CheckContext.empty().withNow(java.time.Instant.parse("2026-03-14T00:00:00Z"));
    for (Diagnostic d : CHECKER.check(snippet, now)) {
      assertTrue(d.where().line() >= 1 && d.where().line() <= lines, d.toString());
    }
    int nl = text.indexOf('\n');
    CHECKER.query(snippet, nl < 0 ? text : text.substring(0, nl), now);
    CHECKER.query(snippet, "key=1 from=192.0.2.7 host=ci.example at=2026-03-01", now);
    int end = 0;
    for (HighlightToken t : CHECKER.highlight(text, "authorized_keys")) {
      assertTrue(t.start() >= end && t.start() < t.end() && t.end() <= text.length(), t.toString());
      end = t.end();
    }
  }
}

package org.opsbook.checker.sshd.syntax;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.check.CheckContext;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.checker.sshd.SshdChecker;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

/**
 * Any bytes as an sshd_config, read whole and split at its first {@code ====} line into a main file
 * and a drop-in the main file can include: the lexer, the parser with its includes, every rule and
 * the effective-config model must answer with diagnostics inside the files, never an exception.
 */
class SshdParserFuzzTest {
  private static final SshdChecker CHECKER = new SshdChecker();

  @FuzzTest(maxDuration = "30s")
  void fuzzSshdConfig(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    int cut = text.indexOf("\n====");
    String main = cut < 0 ? text : text.substring(0, cut + 1);
    String dropIn = cut < 0 ? "" : text.substring(Math.min(text.length(), text.indexOf('\n', cut + 1) + 1));
    Snippet mainSnippet = Snippet.of("sshd_config", main, "a.md", Map.of("file", "/etc/ssh/sshd_config"));
    SourceSpan dropInStart = new SourceSpan("b.md", 1, 1);
    Snippet dropInSnippet = new Snippet("text", dropIn, dropInStart, 0,
        new TreeMap<>(Map.of("file", "/etc/ssh/sshd_config.d/10-fuzz.conf")), dropInStart);
    CheckContext context = CheckContext.empty().withFiles(IncludedFiles.ofSnippets(List.of(mainSnippet, dropInSnippet)));
    List<Diagnostic> found = CHECKER.check(mainSnippet, context);
    int mainLines = Math.max(1, mainSnippet.lines().size());
    int dropInLines = Math.max(1, dropInSnippet.lines().size());
    for (Diagnostic d : found) {
      int last = d.where().file().equals("a.md") ? mainLines : dropInLines;
      assertTrue(d.where().line() >= 1 && d.where().line() <= last, d.toString());
    }
    assertNotNull(CHECKER.query(mainSnippet, "user=alice,host=h.example,addr=192.0.2.7,laddr=192.0.2.1,lport=22",
        context));
    int end = 0;
    for (HighlightToken t : CHECKER.highlight(main, "sshd_config")) {
      assertTrue(t.start() >= end && t.start() < t.end() && t.end() <= main.length(), t.toString());
      end = t.end();
    }
  }
}

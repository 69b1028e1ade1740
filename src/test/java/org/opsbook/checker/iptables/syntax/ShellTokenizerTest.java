package org.opsbook.checker.iptables.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Findings;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.model.Word;
import org.opsbook.diag.Diagnostic;

class ShellTokenizerTest {
  private static List<ShellTokenizer.Command> tokenize(String text, Findings f) {
    return ShellTokenizer.tokenize(text, f);
  }

  private static Findings findings(String text) {
    return new Findings(Snippet.ofFile("iptables", text, "t.sh"));
  }

  private static List<String> texts(ShellTokenizer.Command c) {
    return c.words().stream().map(Word::text).toList();
  }

  @Test
  void stripsRootAndUserPromptsButKeepsComments() {
    String text = "# iptables -A INPUT -j ACCEPT\n$ sudo iptables -L\n# a comment\nalice@gw:~$ iptables -F\n";
    List<ShellTokenizer.Command> cmds = tokenize(text, findings(text));
    assertEquals(3, cmds.size());
    assertEquals(List.of("iptables", "-A", "INPUT", "-j", "ACCEPT"), texts(cmds.get(0)));
    assertEquals(3, cmds.get(0).words().get(0).column());
    assertEquals(List.of("sudo", "iptables", "-L"), texts(cmds.get(1)));
    assertEquals(List.of("iptables", "-F"), texts(cmds.get(2)));
    assertEquals(4, cmds.get(2).line());
  }

  @Test
  void joinsBackslashContinuationsAndKeepsEachWordsPosition() {
    String text = "iptables -A INPUT \\\n    -p tcp --dport 22 \\\n    -j ACCEPT\n";
    List<ShellTokenizer.Command> cmds = tokenize(text, findings(text));
    assertEquals(1, cmds.size());
    Word dport = cmds.get(0).words().get(5);
    assertEquals("--dport", dport.text());
    assertEquals(2, dport.line());
    assertEquals(12, dport.column());
    assertEquals(3, cmds.get(0).words().get(7).line());
  }

  @Test
  void removesQuotesAndEscapesLikeTheShell() {
    String text = "iptables -A INPUT -p tcp \\! --syn -m comment --comment 'web \"front\"' -j LOG --log-prefix \"drop: \\\"x\\\" \"\n";
    List<String> words = texts(tokenize(text, findings(text)).get(0));
    assertTrue(words.contains("!"));
    assertTrue(words.contains("web \"front\""));
    assertTrue(words.contains("drop: \"x\" "));
  }

  @Test
  void flagsExpansionsAsUnknownValues() {
    String text = "iptables -A INPUT -i $EXT_IF -s \"${ADMIN_NET}\" -j ACCEPT\n";
    List<Word> words = tokenize(text, findings(text)).get(0).words();
    assertTrue(words.get(4).variable());
    assertTrue(words.get(6).variable());
    assertFalse(words.get(2).variable());
  }

  @Test
  void splitsCommandsAtSeparators() {
    String text = "iptables -C INPUT -j DROP || iptables -A INPUT -j DROP; echo done && true\n";
    assertEquals(4, tokenize(text, findings(text)).size());
  }

  @Test
  void dropsRedirectionsAsTheShellDoes() {
    String text = "iptables -C INPUT -j DROP 2>/dev/null || iptables -A INPUT -j DROP\niptables-save > /etc/iptables/rules.v4\niptables -L -n >> out.txt 2>&1\n";
    List<ShellTokenizer.Command> cmds = tokenize(text, findings(text));
    assertEquals(List.of("iptables", "-C", "INPUT", "-j", "DROP"), texts(cmds.get(0)));
    assertEquals(List.of("iptables", "-A", "INPUT", "-j", "DROP"), texts(cmds.get(1)));
    assertEquals(List.of("iptables-save"), texts(cmds.get(2)));
    assertEquals(List.of("iptables", "-L", "-n"), texts(cmds.get(3)));
  }

  @Test
  void skipsHereDocumentBodies() {
    String text = "iptables-restore <<'EOF'\n*filter\n-A INPUT -j ACCEPT\nCOMMIT\nEOF\niptables -L\n";
    List<ShellTokenizer.Command> cmds = tokenize(text, findings(text));
    assertEquals(2, cmds.size());
    assertTrue(cmds.get(0).heredoc());
    assertEquals(6, cmds.get(1).line());
  }

  @Test
  void reportsAnUnterminatedQuoteWhereItOpens() {
    String text = "iptables -A INPUT -m comment --comment 'oops -j ACCEPT\n";
    Findings f = findings(text);
    tokenize(text, f);
    Diagnostic d = f.diagnostics().get(0);
    assertEquals("iptables.shell-syntax", d.rule().value());
    assertEquals(1, d.where().line());
    assertEquals(40, d.where().column());
    assertTrue(d.isError());
  }
}

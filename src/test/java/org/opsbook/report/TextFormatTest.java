package org.opsbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

class TextFormatTest {
  private static Diagnostic warning(int line, String rule) {
    return Diagnostic.warning(new SourceSpan("a.md", line, 1), rule, "m");
  }

  @Test
  void endsWithACountByRuleMostFirstThenTheTotals() {
    List<Diagnostic> d = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      d.add(warning(i, "sshd.password-authentication-default"));
    }
    d.add(warning(20, "iptables.no-default-policy"));
    d.add(warning(21, "iptables.no-default-policy"));
    d.add(warning(22, "postfix.unanchored"));
    String footer = TextFormat.footer(new Report(d, List.of(), List.of(), List.of()));
    assertEquals("by rule:\n"
        + "  12 × sshd.password-authentication-default\n"
        + "   2 × iptables.no-default-policy\n"
        + "   1 × postfix.unanchored\n"
        + "0 errors, 15 warnings in 0 checked snippets\n", footer);
  }

  @Test
  void noCountByRuleWhenEveryRuleFiredOnce() {
    String footer = TextFormat.footer(new Report(List.of(warning(1, "a.b"), warning(2, "c.d")), List.of(), List.of(), List.of()));
    assertEquals("0 errors, 2 warnings in 0 checked snippets\n", footer);
  }
}

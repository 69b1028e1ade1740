package org.opsbook.checker.apache.catalogue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

class RewriteFlagParserFuzzTest {

  @FuzzTest(maxDuration = "20s")
  void readsAnyFlagFieldOrRefusesIt(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    String rule = RewriteFlagParser.rule(text, new RewriteFlagParser.Rule());
    String cond = RewriteFlagParser.cond(text, new RewriteFlagParser.Cond());
    assertTrue(rule == null || !rule.isEmpty());
    assertTrue(cond == null || !cond.isEmpty());
    RewriteChecks.Args args = RewriteChecks.split(text);
    assertTrue(args == null || args.a1() != null && args.a2() != null);
  }
}

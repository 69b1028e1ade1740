package org.opsbook.checker.apache.expr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

class ExprParserFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void parsesAnyExpressionOrSaysWhy(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    for (boolean restricted : new boolean[] {false, true}) {
      ExprParser.Options o = new ExprParser.Options(true, false, restricted);
      ExprParser.Result r = ExprParser.parse(text, o);
      assertTrue((r.expr() == null) != (r.error() == null));
      ExprParser.StringResult s = ExprParser.parseString(text, o);
      assertTrue(s.ok() || !s.error().isEmpty());
    }
  }
}

package org.opsbook.snippet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

class InfoStringParserFuzzTest {

  /** The first line is a fence's info string, the rest the text of an {@code <!-- opsbook: -->} comment. */
  @FuzzTest(maxDuration = "20s")
  void readsAnyInfoStringOrCommentIntoALanguageAndAttributes(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    int nl = text.indexOf('\n');
    String info = nl < 0 ? text : text.substring(0, nl);
    String comment = nl < 0 ? "" : text.substring(nl + 1);

    InfoString fence = InfoStringParser.parse(info);
    assertFalse(fence.language().chars().anyMatch(Character::isWhitespace), fence.language());
    check(fence, info.length());
    InfoString attributes = InfoStringParser.parseAttributesOnly(comment);
    assertTrue(attributes.language().isEmpty());
    check(attributes, comment.length());
  }

  private static void check(InfoString parsed, int length) {
    parsed.attributes().forEach((k, v) -> assertFalse(k.isEmpty() || v == null, k + "=" + v));
    parsed.problems().forEach(p -> assertTrue(p.offset() >= 0 && p.offset() <= length, p.toString()));
  }
}

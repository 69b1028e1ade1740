package org.opsbook.checker.apache.request;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

class QuestionReaderFuzzTest {

  @FuzzTest(maxDuration = "20s")
  void readsAnyQuestionOrSaysWhy(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return;
    }
    QuestionReader.Result r = QuestionReader.read(text, Map.of());
    assertTrue((r.request() == null) != (r.error() == null));
    try {
      AnswerFormat.parse(text);
    } catch (IllegalArgumentException expected) {
      // An unreadable answer is refused with a message.
      assertTrue(expected.getMessage() != null);
    }
  }
}

package org.opsbook.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decoding gives the strict decoder's text for valid UTF-8 and its error, at its place, for the rest. */
class Utf8TextTest {
  @Test
  void randomBytesDecodeAsTheStrictDecoderDecodesThem() throws Exception {
    Random random = new Random(12);
    // Valid pieces, including a written U+FFFD, and bytes that break UTF-8 in each way.
    byte[][] pieces = {
        "a".getBytes(StandardCharsets.UTF_8), "line\n".getBytes(StandardCharsets.UTF_8),
        "é".getBytes(StandardCharsets.UTF_8), "\uFFFD".getBytes(StandardCharsets.UTF_8),
        "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8), "\u20AC".getBytes(StandardCharsets.UTF_8),
        {(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}, {0},
    };
    int invalid = 0;
    int withReplacement = 0;
    for (int round = 0; round < 50_000; round++) {
      ByteBuffer buffer = ByteBuffer.allocate(256);
      int n = random.nextInt(20);
      for (int i = 0; i < n; i++) {
        // Mostly valid, so that valid texts with and without U+FFFD are both common.
        byte[] piece = pieces[random.nextInt(random.nextInt(4) == 0 ? pieces.length : 6)];
        buffer.put(piece);
      }
      byte[] bytes = new byte[buffer.position()];
      buffer.flip().get(bytes);
      String expected;
      try {
        expected = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        invalid++;
        assertThrows(Utf8Text.InvalidUtf8Exception.class, () -> Utf8Text.decode(bytes));
        continue;
      }
      if (expected.indexOf('\uFFFD') >= 0) {
        withReplacement++;
      }
      assertEquals(expected, Utf8Text.decode(bytes));
    }
    assertTrue(invalid > 1_000 && withReplacement > 1_000, invalid + " invalid, " + withReplacement + " with U+FFFD");
  }

  @Test
  void aBadByteAfterAWrittenReplacementCharacterIsFoundAtItsPlace() {
    byte[] bytes = "ab\uFFFDc\n\uFFFDd".getBytes(StandardCharsets.UTF_8);
    byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length + 1);
    broken[bytes.length] = (byte) 0xC3;
    Utf8Text.InvalidUtf8Exception e = assertThrows(Utf8Text.InvalidUtf8Exception.class, () -> Utf8Text.decode(broken));
    assertEquals(2, e.line());
    assertEquals(3, e.column());
  }

  @Test
  void aStreamThatNeverEndsIsRefusedAfterTheLimit() throws Exception {
    java.io.InputStream endless = new java.io.InputStream() {
      @Override
      public int read() {
        return 0;
      }
    };
    java.io.IOException e = assertThrows(java.io.IOException.class, () -> Utf8Text.readAtMost(endless, 1000));
    assertTrue(e.getMessage().contains("more than 1000 bytes"), e.getMessage());
    assertEquals(1000,
        Utf8Text.readAtMost(new java.io.ByteArrayInputStream(new byte[1000]), 1000).length, "exactly the limit is read");
  }
}

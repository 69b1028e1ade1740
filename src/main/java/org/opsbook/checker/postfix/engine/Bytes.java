package org.opsbook.checker.postfix.engine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** Conversions between text and the byte strings Postfix's regex libraries see. */
public final class Bytes {
  private Bytes() {}

  /**
   * The key as the table reader sees it: its UTF-8 bytes up to the first NUL, since Postfix
   * passes {@code strlen()} of the C string.
   */
  public static byte[] key(String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return java.util.Arrays.copyOf(bytes, i);
      }
    }
    return bytes;
  }

  /** Text as a NUL-terminated C string of UTF-8 bytes; a NUL inside ends it, as in C. */
  static byte[] cString(String text) {
    byte[] bytes = key(text);
    return java.util.Arrays.copyOf(bytes, bytes.length + 1);
  }

  /** The char offset in {@code text} of byte offset {@code byteOffset} of its UTF-8 form. */
  static int charOffset(String text, int byteOffset) {
    int[] map = charOffsets(text);
    return map[Math.max(0, Math.min(byteOffset, map.length - 1))];
  }

  /** The UTF-8 bytes of {@code text}, one char (0-255) per byte. */
  public static String toByteString(String text) {
    if (isAscii(text)) {
      return text;
    }
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** Whether the bytes are well-formed UTF-8. */
  public static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** For each byte offset of {@code toByteString(text)}, the char offset in {@code text}. */
  public static int[] charOffsets(String text) {
    if (isAscii(text)) {
      int[] identity = new int[text.length() + 1];
      for (int i = 0; i <= text.length(); i++) {
        identity[i] = i;
      }
      return identity;
    }
    int[] map = new int[text.getBytes(StandardCharsets.UTF_8).length + 1];
    int b = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      for (int k = 0; k < n && b < map.length - 1; k++) {
        map[b++] = i;
      }
      i += Character.charCount(cp);
    }
    map[b] = text.length();
    return map;
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}

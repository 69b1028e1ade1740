package org.opsbook.checker.postfix.engine;

import java.nio.charset.StandardCharsets;

/** Conversions between text and the byte strings Postfix's regex libraries see. */
public final class Bytes {
  private Bytes() {}

  /** The UTF-8 bytes of {@code text}, one char (0-255) per byte. */
  public static String toByteString(String text) {
    boolean ascii = true;
    for (int i = 0; i < text.length() && ascii; i++) {
      ascii = text.charAt(i) < 0x80;
    }
    if (ascii) {
      return text;
    }
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** The text whose UTF-8 bytes {@code bytes} holds, one char per byte. */
  public static String fromByteString(String bytes) {
    boolean ascii = true;
    for (int i = 0; i < bytes.length() && ascii; i++) {
      ascii = bytes.charAt(i) < 0x80;
    }
    if (ascii) {
      return bytes;
    }
    return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  /** Whether a byte string holds well-formed UTF-8. */
  public static boolean isUtf8(String bytes) {
    boolean ascii = true;
    for (int i = 0; i < bytes.length() && ascii; i++) {
      ascii = bytes.charAt(i) < 0x80;
    }
    if (ascii) {
      return true;
    }
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.getBytes(StandardCharsets.ISO_8859_1)));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  /** For each byte offset of {@code toByteString(text)}, the char offset in {@code text}. */
  public static int[] charOffsets(String text) {
    String bytes = toByteString(text);
    if (bytes == text) {
      int[] identity = new int[text.length() + 1];
      for (int i = 0; i <= text.length(); i++) {
        identity[i] = i;
      }
      return identity;
    }
    int[] map = new int[bytes.length() + 1];
    int b = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      for (int k = 0; k < n; k++) {
        map[b++] = i;
      }
      i += Character.charCount(cp);
    }
    map[b] = text.length();
    return map;
  }
}

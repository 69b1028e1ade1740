package org.opsbook.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.opsbook.check.CoreRules;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

/**
 * Reads source files as strict UTF-8, and says where one is not: the line, the column and the
 * byte, so that a file saved as Latin-1 gets a diagnostic an author can act on rather than "Input
 * length = 1".
 */
public final class Utf8Text {
  private Utf8Text() {}

  /** Where a file stops being UTF-8. Lines and columns are 1-based; the column counts characters. */
  public static final class InvalidUtf8Exception extends CharacterCodingException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final int value;

    InvalidUtf8Exception(int line, int column, int value) {
      this.line = line;
      this.column = column;
      this.value = value;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }

    @Override
    public String getMessage() {
      return String.format(Locale.ROOT, "not valid UTF-8: byte 0x%02X at line %d, column %d", value, line, column);
    }

    /** The {@code opsbook.encoding} diagnostic for {@code file}, as diagnostics name it. */
    public Diagnostic diagnostic(String file) {
      return CoreRules.diagnostic(CoreRules.ENCODING, new SourceSpan(file, line, column), getMessage(),
          "save the file as UTF-8, for example with iconv -f latin1 -t utf-8, or in the editor's encoding menu");
    }
  }

  /** The file's text; {@link InvalidUtf8Exception} when it is not UTF-8. */
  public static String read(Path file) throws IOException {
    return decode(Files.readAllBytes(file));
  }

  /**
   * The file's text, refused when it holds more than {@code maxBytes}: for files a user names, which
   * may be a device or a pipe that never ends ({@code /dev/zero}).
   */
  public static String read(Path file, int maxBytes) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return decode(readAtMost(in, maxBytes));
    }
  }

  /** At most {@code maxBytes} of a stream, or an {@link IOException} that says it holds more. */
  public static byte[] readAtMost(InputStream in, int maxBytes) throws IOException {
    byte[] bytes = in.readNBytes(maxBytes + 1);
    if (bytes.length > maxBytes) {
      String limit = maxBytes >= 1 << 20 ? (maxBytes >> 20) + " MiB" : maxBytes + " bytes";
      throw new IOException("it holds more than " + limit + ", more than such a file ever does;"
          + " opsbook reads no further");
    }
    return bytes;
  }

  public static String decode(byte[] bytes) throws InvalidUtf8Exception {
    // The String constructor decodes in one intrinsic pass, and writes U+FFFD where the bytes are
    // not UTF-8. Without a U+FFFD in its result the bytes were valid, and the text is the strict
    // decoder's; with one, the strict decoder tells a written U+FFFD from a bad byte.
    String quick = new String(bytes, StandardCharsets.UTF_8);
    if (quick.indexOf('\uFFFD') < 0) {
      return quick;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, (long) bytes.length + 1));
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw at(bytes, in.position());
    }
    result = decoder.flush(out);
    if (result.isError()) {
      throw at(bytes, in.position());
    }
    out.flip();
    return out.toString();
  }

  private static InvalidUtf8Exception at(byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    // The bytes before the bad one on its line decoded cleanly: count them as characters.
    String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
    return new InvalidUtf8Exception(line, before.length() + 1, offset < bytes.length ? bytes[offset] & 0xff : 0);
  }
}

package org.opsbook.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * An article's rendered body, kept between rendering it and writing the pages that show it:
 * either as it is, or deflated when the site is so large that every body at once would not fit
 * the memory a build should use. Immutable and thread-safe.
 */
public abstract sealed class BodyText {
  private BodyText() {}

  public static BodyText of(String html) {
    return new Plain(html);
  }

  /** Deflated at the fastest level: HTML shrinks about five-fold. */
  public static BodyText compressed(String html) {
    byte[] utf8 = html.getBytes(StandardCharsets.UTF_8);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    try {
      deflater.setInput(utf8);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length / 4 + 64);
      byte[] buffer = new byte[16384];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return new Deflated(out.toByteArray(), utf8.length);
    } finally {
      deflater.end();
    }
  }

  /** The HTML. */
  public abstract String text();

  private static final class Plain extends BodyText {
    private final String html;

    Plain(String html) {
      this.html = java.util.Objects.requireNonNull(html);
    }

    @Override
    public String text() {
      return html;
    }
  }

  private static final class Deflated extends BodyText {
    private final byte[] bytes;
    private final int length;

    Deflated(byte[] bytes, int length) {
      this.bytes = bytes;
      this.length = length;
    }

    @Override
    public String text() {
      Inflater inflater = new Inflater(true);
      try {
        inflater.setInput(bytes);
        byte[] out = new byte[length];
        int n = 0;
        while (n < length && !inflater.finished()) {
          n += inflater.inflate(out, n, length - n);
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
      } catch (DataFormatException e) {
        throw new UncheckedIOException(new IOException("a body deflated by this build does not inflate", e));
      } finally {
        inflater.end();
      }
    }
  }
}

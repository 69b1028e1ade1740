package org.opsbook.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * What an article's processing makes and a later stage writes out (its rendered body, its search
 * terms and document), kept in between: in memory, or in a {@link SpillFile} when the site is so
 * large that all of it at once would not fit the memory a build should use. Immutable and
 * thread-safe.
 */
public abstract sealed class KeptBytes {
  public static final KeptBytes EMPTY = new Text("");

  /** Where a build keeps these. */
  public interface Store {
    /** Kept in memory, as they are. */
    Store MEMORY = new Store() {
      @Override
      public KeptBytes keep(String text) {
        return new Text(text);
      }

      @Override
      public KeptBytes keep(byte[] bytes) {
        return new Bytes(bytes);
      }
    };

    /** Keeps a text. */
    KeptBytes keep(String text);

    /** Keeps bytes; the caller gives up the array. */
    KeptBytes keep(byte[] bytes);
  }

  private KeptBytes() {}

  /** The bytes read as UTF-8. */
  public abstract String text();

  /**
   * The bytes. For bytes kept in memory this is the very array each time, so a caller may tell by
   * identity that nothing changed; callers must not modify it.
   */
  public abstract byte[] bytes();

  @Override
  public boolean equals(Object o) {
    return o instanceof KeptBytes k && Arrays.equals(bytes(), k.bytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes());
  }

  private static final class Text extends KeptBytes {
    private final String text;

    Text(String text) {
      this.text = Objects.requireNonNull(text);
    }

    @Override
    public String text() {
      return text;
    }

    @Override
    public byte[] bytes() {
      return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Text t ? text.equals(t.text) : super.equals(o);
    }

    @Override
    public int hashCode() {
      return super.hashCode();
    }
  }

  private static final class Bytes extends KeptBytes {
    private final byte[] bytes;

    Bytes(byte[] bytes) {
      this.bytes = Objects.requireNonNull(bytes);
    }

    @Override
    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] bytes() {
      return bytes;
    }
  }

  /** Bytes in a spill file: where they start and how many. */
  static final class Spilled extends KeptBytes {
    private final SpillFile file;
    private final long at;
    private final int length;

    Spilled(SpillFile file, long at, int length) {
      this.file = file;
      this.at = at;
      this.length = length;
    }

    @Override
    public String text() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    @Override
    public byte[] bytes() {
      try {
        return file.read(at, length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

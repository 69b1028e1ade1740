package org.opsbook.checker.postfix.engine;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.Optional;

/**
 * Loads the regex libraries Postfix calls, once per process and only when a table first needs
 * them: libpcre2-8 for {@code pcre:} tables and the GNU C library's POSIX regex for {@code
 * regexp:} tables. Where one cannot be loaded it says why, and the translator answers instead.
 * Thread-safe: each library is loaded by its holder class's initialisation, and nothing changes
 * afterwards.
 */
final class NativeLibraries {
  private NativeLibraries() {}

  /** A library and its version, or why it is not there. Immutable. */
  record Loaded<T>(T library, String version, String whyNot) {
    Optional<T> get() {
      return Optional.ofNullable(library);
    }
  }

  static Loaded<Pcre2Library> pcre2() {
    return Pcre2Holder.LOADED;
  }

  /** glibc's regex, and a C locale object to run it in. */
  static Loaded<Glibc> glibc() {
    return GlibcHolder.LOADED;
  }

  /** The C library with the "C" locale object that every regex call runs under. */
  record Glibc(GlibcRegexLibrary library, Pointer cLocale) {}

  private static final class Pcre2Holder {
    static final Loaded<Pcre2Library> LOADED = loadPcre2();
  }

  private static final class GlibcHolder {
    static final Loaded<Glibc> LOADED = loadGlibc();
  }

  private static Loaded<Pcre2Library> loadPcre2() {
    if (Platform.isWindows()) {
      return new Loaded<>(null, "", "the native engines are not used on Windows");
    }
    String why = "";
    // Debian and Ubuntu ship only the versioned name unless libpcre2-dev is installed.
    for (String name : new String[] {"pcre2-8", "libpcre2-8.so.0", "libpcre2-8.0.dylib"}) {
      try {
        Pcre2Library lib = Pcre2Library.bind(name);
        try (Memory buffer = new Memory(64)) {
          buffer.clear();
          Pcre2Library.pcre2_config_8(Pcre2Library.CONFIG_VERSION, buffer);
          String version = buffer.getString(0, "US-ASCII").split(" ")[0];
          return new Loaded<>(lib, version, "");
        }
      } catch (LinkageError | RuntimeException e) {
        why = "libpcre2-8 cannot be loaded (" + oneLine(e) + ")";
      }
    }
    return new Loaded<>(null, "", why);
  }

  private static Loaded<Glibc> loadGlibc() {
    if (Platform.isWindows()) {
      return new Loaded<>(null, "", "the native engines are not used on Windows");
    }
    try {
      GlibcRegexLibrary lib = Native.load(Platform.C_LIBRARY_NAME, GlibcRegexLibrary.class);
      // Only glibc has gnu_get_libc_version(); regex_t is laid out differently elsewhere (musl).
      String version = lib.gnu_get_libc_version();
      Pointer c = lib.newlocale(GlibcRegexLibrary.LC_ALL_MASK, "C", null);
      if (c == null) {
        return new Loaded<>(null, "", "glibc cannot create a C locale object");
      }
      return new Loaded<>(new Glibc(lib, c), version, "");
    } catch (LinkageError | RuntimeException e) {
      return new Loaded<>(null, "", "the C library is not glibc (" + oneLine(e) + ")");
    }
  }

  private static String oneLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}

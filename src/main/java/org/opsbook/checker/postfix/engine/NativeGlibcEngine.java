package org.opsbook.checker.postfix.engine;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.opsbook.checker.postfix.model.RegexSpec;
import org.opsbook.checker.postfix.model.TableKind;

/**
 * {@code regexp:} patterns compiled and matched by the GNU C library exactly as dict_regexp.c
 * does: {@code regcomp()} with REG_EXTENDED and REG_ICASE unless the flags toggle them, REG_NEWLINE
 * for {@code m}, REG_NOSUB when no {@code $n} needs the groups; {@code regexec()} asked for as many
 * groups as the result uses. Every call runs in the C locale, as postmap's do, whatever locale the
 * JVM took from the environment. Patterns that could crash or exhaust the process are never handed
 * to glibc (see {@link PosixScreen}).
 */
final class NativeGlibcEngine implements PatternEngine {
  /**
   * Bytes for a regex_t: glibc's has seven word-sized fields and a word of bit fields (64 bytes
   * on LP64); twice that leaves room.
   */
  private static final int REGEX_T_SIZE = 16 * NativeLong.SIZE;
  /** The offset of re_nsub: after buffer, allocated, used, syntax, fastmap and translate. */
  private static final int RE_NSUB_OFFSET = 6 * NativeLong.SIZE;
  /** regmatch_t: two regoff_t, which glibc defines as int. */
  private static final int REGMATCH_T_SIZE = 8;

  private final GlibcRegexLibrary lib;
  private final Pointer cLocale;
  private final String name;

  NativeGlibcEngine(NativeLibraries.Glibc glibc, String version) {
    this.lib = glibc.library();
    this.cLocale = glibc.cLocale();
    this.name = "glibc " + version + " regcomp()/regexec()";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean isNative() {
    return true;
  }

  /** Why glibc is not run on this pattern, or empty. */
  static Optional<String> whyNot(RegexSpec spec) {
    return PosixScreen.whyNot(new String(Bytes.key(spec.body()), StandardCharsets.ISO_8859_1), !spec.toggles('x'));
  }

  /** regexp_table(5): i and x are on by default (REG_ICASE, REG_EXTENDED), m (REG_NEWLINE) off. */
  static int cflags(RegexSpec spec, PatternUse use) {
    int flags = GlibcRegexLibrary.REG_EXTENDED | GlibcRegexLibrary.REG_ICASE;
    for (char f : spec.flags().toCharArray()) {
      flags ^= switch (f) {
        case 'i' -> GlibcRegexLibrary.REG_ICASE;
        case 'm' -> GlibcRegexLibrary.REG_NEWLINE;
        case 'x' -> GlibcRegexLibrary.REG_EXTENDED;
        default -> 0;
      };
    }
    return use.noSubstrings() ? flags | GlibcRegexLibrary.REG_NOSUB : flags;
  }

  @Override
  public Compilation compile(RegexSpec spec, PatternUse use) {
    Optional<String> unsafe = whyNot(spec);
    if (unsafe.isPresent()) {
      return new Compilation.Refused(new RegexProblem(false, 0, unsafe.get()));
    }
    Memory preg = new Memory(REGEX_T_SIZE);
    preg.clear();
    byte[] pattern = Bytes.cString(spec.body());
    int rc = inC(() -> lib.regcomp(preg, pattern, cflags(spec, use)));
    if (rc != 0) {
      String message = error(rc, preg);
      preg.close(); // regcomp() frees its own work when it fails
      // glibc reports no position; the translator's reading of the pattern gives one.
      RegexProblem reading = RegexCompiler.rejection(spec, TableKind.REGEXP);
      return new Compilation.Refused(new RegexProblem(true, reading != null ? reading.offset() : 0, message));
    }
    return new Compilation.Compiled(new GlibcPattern(preg, use));
  }

  private String error(int code, Pointer preg) {
    byte[] buffer = new byte[256];
    inC(() -> lib.regerror(code, preg, buffer, new NativeLong(buffer.length)).intValue());
    int n = 0;
    while (n < buffer.length && buffer[n] != 0) {
      n++;
    }
    return new String(buffer, 0, n, StandardCharsets.US_ASCII);
  }

  /** Runs a call with this thread switched to the C locale, as postmap runs (it never calls setlocale). */
  private int inC(Supplier<Integer> call) {
    Pointer previous = lib.uselocale(cLocale);
    try {
      return call.get();
    } finally {
      lib.uselocale(previous);
    }
  }

  /** One regex_t; regfree() and the memory are released by close(). */
  private final class GlibcPattern implements CompiledPattern {
    private Memory preg;
    private final PatternUse use;
    private final int groups;

    GlibcPattern(Memory preg, PatternUse use) {
      this.preg = preg;
      this.use = use;
      long nsub = preg.getNativeLong(RE_NSUB_OFFSET).longValue();
      this.groups = (int) Math.max(0, Math.min(Integer.MAX_VALUE, nsub));
    }

    @Override
    public int groups() {
      return groups;
    }

    @Override
    public MatchOutcome match(byte[] subject) {
      if (preg == null) {
        throw new IllegalStateException("pattern already closed");
      }
      // dict_regexp.c: max_sub + 1 groups for the first pattern when the result uses $n, else none.
      int wanted = use.role() == PatternUse.Role.MATCH && use.maxGroup() > 0 ? Math.min(use.maxGroup(), groups) + 1 : 0;
      byte[] string = java.util.Arrays.copyOf(subject, subject.length + 1);
      try (Memory pmatch = new Memory((long) REGMATCH_T_SIZE * Math.max(1, wanted))) {
        pmatch.clear();
        int rc = inC(() -> lib.regexec(preg, string, new NativeLong(wanted), wanted == 0 ? null : pmatch, 0));
        if (rc == GlibcRegexLibrary.REG_NOMATCH) {
          return new MatchOutcome.NoMatch();
        }
        if (rc != 0) {
          return new MatchOutcome.LibraryError(error(rc, preg));
        }
        int[] spans = new int[2 * wanted];
        for (int i = 0; i < spans.length; i++) {
          int v = pmatch.getInt(4L * i);
          spans[i] = v < 0 || v > subject.length ? -1 : v;
        }
        return new MatchOutcome.Matched(spans);
      }
    }

    @Override
    public void close() {
      if (preg != null) {
        lib.regfree(preg);
        preg.close();
        preg = null;
      }
    }
  }
}

package org.opsbook.checker.postfix.engine;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.opsbook.checker.postfix.model.RegexSpec;
import org.opsbook.checker.postfix.model.TableKind;

/**
 * {@code pcre:} patterns compiled and matched by libpcre2-8 exactly as dict_pcre.c does: the
 * pattern's bytes with the flag options, no other compile context; {@code pcre2_match()} from
 * offset 0 with no options and match data sized from the pattern. PCRE2's own match and depth
 * limits stay at the library's defaults, as in Postfix; only the memory for backtracking is
 * bounded lower than Postfix's, so that no pattern can take the build's memory.
 */
final class NativePcre2Engine implements PatternEngine {
  /** Backtracking memory per match, in KiB (PCRE2's default, which Postfix keeps, is 20 GB). */
  static final int HEAP_LIMIT_KIB = 64 * 1024;
  private static final NativeLong ZERO_TERMINATED = new NativeLong(-1);

  private final String name;

  NativePcre2Engine(Pcre2Library lib, String version) {
    Objects.requireNonNull(lib, "a bound libpcre2-8");
    this.name = "PCRE2 " + version + " (libpcre2-8)";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean isNative() {
    return true;
  }

  /** pcre_table(5): i and s are on by default; each flag letter toggles its option. */
  static int options(RegexSpec spec) {
    int options = Pcre2Library.CASELESS | Pcre2Library.DOTALL;
    for (char f : spec.flags().toCharArray()) {
      options ^= switch (f) {
        case 'i' -> Pcre2Library.CASELESS;
        case 'm' -> Pcre2Library.MULTILINE;
        case 's' -> Pcre2Library.DOTALL;
        case 'x' -> Pcre2Library.EXTENDED;
        case 'A' -> Pcre2Library.ANCHORED;
        case 'E' -> Pcre2Library.DOLLAR_ENDONLY;
        case 'U' -> Pcre2Library.UNGREEDY;
        default -> 0; // X is obsolete with PCRE2: Postfix warns and ignores it
      };
    }
    return options;
  }

  @Override
  public Compilation compile(RegexSpec spec, PatternUse use) {
    // The pattern as the C string Postfix hands over: it ends at the first NUL byte.
    byte[] pattern = Bytes.cString(spec.body());
    IntByReference error = new IntByReference();
    NativeLongByReference offset = new NativeLongByReference();
    Pointer code = Pcre2Library.pcre2_compile_8(pattern, ZERO_TERMINATED, options(spec), error, offset, null);
    if (code == null) {
      long byteOffset = offset.getValue().longValue();
      int at = Bytes.charOffset(spec.body(), (int) Math.max(0, Math.min(Integer.MAX_VALUE, byteOffset)));
      // PCRE2 reports where it noticed the error (the end, for an unclosed group); the
      // translator's reading of the pattern points at the cause (the open parenthesis).
      RegexProblem reading = RegexCompiler.rejection(spec, TableKind.PCRE);
      if (reading != null) {
        at = reading.offset();
      }
      return new Compilation.Refused(new RegexProblem(true, at,
          message(error.getValue()) + " (error in regex at offset " + byteOffset + ")"));
    }
    Pcre2Pattern compiled = new Pcre2Pattern(code);
    if (compiled.matchData == null || compiled.matchContext == null) {
      compiled.close();
      return new Compilation.Refused(new RegexProblem(false, 0, "PCRE2 could not allocate its match data"));
    }
    return new Compilation.Compiled(compiled);
  }

  /** pcre2_get_error_message(), the text Postfix logs. */
  String message(int code) {
    byte[] buffer = new byte[256];
    int n = Pcre2Library.pcre2_get_error_message_8(code, buffer, new NativeLong(buffer.length));
    return n > 0 ? new String(buffer, 0, n, StandardCharsets.US_ASCII) : "PCRE2 error " + code;
  }

  /** One compiled pattern with its match data and match context; freed by close(). */
  private final class Pcre2Pattern implements CompiledPattern {
    private Pointer code;
    private Pointer matchData;
    private Pointer matchContext;
    private final int groups;

    Pcre2Pattern(Pointer code) {
      this.code = code;
      try (Memory count = new Memory(4)) {
        count.clear();
        Pcre2Library.pcre2_pattern_info_8(code, Pcre2Library.INFO_CAPTURECOUNT, count);
        this.groups = count.getInt(0);
      }
      this.matchData = Pcre2Library.pcre2_match_data_create_from_pattern_8(code, null);
      this.matchContext = Pcre2Library.pcre2_match_context_create_8(null);
      if (matchContext != null) {
        Pcre2Library.pcre2_set_heap_limit_8(matchContext, HEAP_LIMIT_KIB);
      }
    }

    @Override
    public int groups() {
      return groups;
    }

    @Override
    public MatchOutcome match(byte[] subject) {
      if (code == null) {
        throw new IllegalStateException("pattern already closed");
      }
      int rc = Pcre2Library.pcre2_match_8(code, subject, new NativeLong(subject.length), new NativeLong(0), 0, matchData,
          matchContext);
      if (rc == Pcre2Library.ERROR_NOMATCH) {
        return new MatchOutcome.NoMatch();
      }
      if (rc == Pcre2Library.ERROR_HEAPLIMIT || rc == Pcre2Library.ERROR_NOMEMORY) {
        return new MatchOutcome.OverBudget("PCRE2 needed more than " + HEAP_LIMIT_KIB / 1024
            + " MiB of backtracking memory, the bound opsbook sets (Postfix allows PCRE2's default, 20 GB)");
      }
      if (rc < 0) {
        return new MatchOutcome.LibraryError(message(rc));
      }
      int pairs = Pcre2Library.pcre2_get_ovector_count_8(matchData);
      Pointer ovector = Pcre2Library.pcre2_get_ovector_pointer_8(matchData);
      // rc counts the pairs set (0 only if the ovector were too small, which match data made
      // from the pattern never is); later pairs are unset, and PCRE2_UNSET (~0) reads as -1.
      int set = rc == 0 ? pairs : Math.min(rc, pairs);
      int[] spans = new int[2 * pairs];
      for (int i = 0; i < spans.length; i++) {
        long v = i < 2 * set ? ovector.getNativeLong((long) i * NativeLong.SIZE).longValue() : -1;
        spans[i] = v < 0 || v > subject.length ? -1 : (int) v;
      }
      return new MatchOutcome.Matched(spans);
    }

    @Override
    public void close() {
      if (matchContext != null) {
        Pcre2Library.pcre2_match_context_free_8(matchContext);
        matchContext = null;
      }
      if (matchData != null) {
        Pcre2Library.pcre2_match_data_free_8(matchData);
        matchData = null;
      }
      if (code != null) {
        Pcre2Library.pcre2_code_free_8(code);
        code = null;
      }
    }
  }
}

package org.opsbook.checker.postfix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.opsbook.checker.postfix.model.RegexSpec;
import org.opsbook.checker.postfix.model.TableKind;

/**
 * The native engines never crash the JVM, free what they compile and keep their offsets within the
 * key; and, as a differential check, wherever the translator accepts a pattern it answers as the
 * library does: the same group count, and for every key the same match and span of $1.
 */
class NativeEnginesFuzzTest {

  /** libpcre2-8 against the PCRE translator. */
  @FuzzTest(maxDuration = "30s")
  void fuzzNativePcre(byte[] data) {
    run(TranslatorFuzzTest.spec(data, "imsxAEUX"), TableKind.PCRE);
  }

  /** glibc (for what the screen lets through) against the POSIX translator. */
  @FuzzTest(maxDuration = "30s")
  void fuzzNativeGlibc(byte[] data) {
    run(TranslatorFuzzTest.spec(data, "imx"), TableKind.REGEXP);
  }

  private static void run(RegexSpec spec, TableKind kind) {
    PatternEngine nativeEngine = Engines.of(kind, EngineChoice.AUTO).main();
    if (!nativeEngine.isNative()) {
      return;
    }
    PatternUse use = PatternUse.match(1);
    Compilation c = nativeEngine.compile(spec, use);
    Compilation t = new TranslatorEngine(kind, "").compile(spec, use);
    if (c instanceof Compilation.Refused r) {
      assertTrue(r.problem().offset() >= 0 && r.problem().offset() <= spec.body().length(), "offset");
      if (t instanceof Compilation.Compiled ok) {
        ok.pattern().close();
      }
      return;
    }
    try (CompiledPattern p = ((Compilation.Compiled) c).pattern()) {
      CompiledPattern q = t instanceof Compilation.Compiled ok ? ok.pattern() : null;
      try {
        if (q != null) {
          assertEquals(q.groups(), p.groups(), "group count of /" + spec.body() + "/" + spec.flags());
        }
        for (String key : TranslatorFuzzTest.KEYS) {
          byte[] subject = Bytes.key(key);
          MatchOutcome m = p.match(subject);
          if (m instanceof MatchOutcome.Matched hit) {
            for (int span : hit.spans()) {
              assertTrue(span <= subject.length, "span");
            }
          }
          if (q != null && comparable(spec, kind, q)) {
            String mine = show(q.match(subject));
            String theirs = show(m);
            if (!mine.equals("unknown") && !theirs.equals("unknown")) {
              assertEquals(theirs, mine, "/" + spec.body() + "/" + spec.flags() + " on \"" + key + "\"");
            }
          }
        }
      } finally {
        if (q != null) {
          q.close();
        }
      }
    }
  }

  /**
   * Whether the translator's answer must be the library's: not where it says it cannot tell ($n of
   * a repeated POSIX group), nor for a pattern that opens with a lookahead, where PCRE2 10.42's
   * start-of-match optimisation misses matches ((?=a) *a on "a"; listed in known-differences.txt).
   */
  private static boolean comparable(RegexSpec spec, TableKind kind, CompiledPattern translated) {
    return translated.unreliableGroups().isEmpty() && !(kind == TableKind.PCRE && spec.body().startsWith("(?="));
  }

  /** A match outcome as compared: no match, or the span of $1; a bound or an error is unknown. */
  private static String show(MatchOutcome m) {
    if (m instanceof MatchOutcome.Matched hit) {
      int[] g = hit.group(1);
      return g == null ? "match, $1 empty" : "match, $1 at " + Arrays.toString(g);
    }
    return m instanceof MatchOutcome.NoMatch ? "no match" : "unknown";
  }
}

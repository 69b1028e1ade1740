package org.opsbook.checker.postfix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.opsbook.checker.postfix.model.RegexSpec;
import org.opsbook.checker.postfix.model.TableKind;

class NativeEnginesFuzzTest {

  /**
   * libpcre2-8 compiles and matches any pattern without crashing the JVM, frees what it compiled,
   * and counts the groups the translator counts whenever both accept the pattern.
   */
  @FuzzTest(maxDuration = "30s")
  void fuzzNativePcre(byte[] data) {
    run(TranslatorFuzzTest.spec(data, "imsxAEUX"), TableKind.PCRE);
  }

  /**
   * glibc compiles and matches any pattern the screen lets through without crashing the JVM, and
   * counts the groups the translator counts whenever both accept the pattern.
   */
  @FuzzTest(maxDuration = "30s")
  void fuzzNativeGlibc(byte[] data) {
    run(TranslatorFuzzTest.spec(data, "imx"), TableKind.REGEXP);
  }

  private static void run(RegexSpec spec, TableKind kind) {
    PatternEngine nativeEngine = Engines.of(kind, EngineChoice.AUTO).main();
    if (!nativeEngine.isNative()) {
      return;
    }
    Compilation c = nativeEngine.compile(spec, PatternUse.match(1));
    Compilation t = new TranslatorEngine(kind, "").compile(spec, PatternUse.match(1));
    if (c instanceof Compilation.Refused r) {
      assertTrue(r.problem().offset() >= 0 && r.problem().offset() <= spec.body().length(), "offset");
      if (t instanceof Compilation.Compiled ok) {
        ok.pattern().close();
      }
      return;
    }
    try (CompiledPattern p = ((Compilation.Compiled) c).pattern()) {
      if (t instanceof Compilation.Compiled ok) {
        try (CompiledPattern q = ok.pattern()) {
          assertEquals(q.groups(), p.groups(), "group count of /" + spec.body() + "/" + spec.flags());
        }
      }
      for (String key : TranslatorFuzzTest.KEYS) {
        MatchOutcome m = p.match(Bytes.key(key));
        if (m instanceof MatchOutcome.Matched hit) {
          int[] spans = hit.spans();
          for (int i = 0; i + 1 < spans.length; i += 2) {
            assertTrue(spans[i] <= Bytes.key(key).length && spans[i + 1] <= Bytes.key(key).length, "span");
          }
        }
      }
    }
  }
}

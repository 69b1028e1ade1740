package org.opsbook.checker.postfix.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.opsbook.checker.postfix.model.RegexSpec;
import org.opsbook.checker.postfix.model.SourceMap;
import org.opsbook.checker.postfix.model.TableKind;

class TranslatorFuzzTest {
  static final List<String> KEYS = List.of("", "Subject: hello", "a\nb", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "é€😀", "X: \r\t");

  /** A pattern body as the table reader hands it over, with the given flag letters. */
  static RegexSpec spec(String body, String flags) {
    int[] lines = new int[body.length() + 1];
    int[] columns = new int[body.length() + 1];
    for (int i = 0; i <= body.length(); i++) {
      lines[i] = 1;
      columns[i] = i + 2;
    }
    return new RegexSpec(body, '/', false, flags, new SourceMap(lines, columns));
  }

  /** The first line holds flag letters, the rest is the pattern. */
  static RegexSpec spec(byte[] data, String allowed) {
    String text = new String(data, StandardCharsets.UTF_8);
    int nl = text.indexOf('\n');
    String flags = nl < 0 ? "" : text.substring(0, nl).replaceAll("[^" + allowed + "]", "");
    return spec(nl < 0 ? text : text.substring(nl + 1), flags);
  }

  /** Any PCRE pattern is translated, refused as PCRE2 would, or refused as beyond the translator. */
  @FuzzTest(maxDuration = "30s")
  void fuzzPcreTranslator(byte[] data) {
    translate(spec(data, "imsxAEUX"), TableKind.PCRE);
  }

  /** Any POSIX pattern is translated, refused as glibc would, or refused as beyond the translator. */
  @FuzzTest(maxDuration = "30s")
  void fuzzPosixTranslator(byte[] data) {
    translate(spec(data, "imx"), TableKind.REGEXP);
  }

  private static void translate(RegexSpec spec, TableKind kind) {
    Compilation c = new TranslatorEngine(kind, "").compile(spec, PatternUse.match(1));
    if (c instanceof Compilation.Refused r) {
      assertTrue(r.problem().offset() >= 0 && r.problem().offset() <= spec.body().length(), "offset");
      return;
    }
    try (CompiledPattern p = ((Compilation.Compiled) c).pattern()) {
      assertTrue(p.groups() >= 0);
      for (String key : KEYS) {
        p.match(Bytes.key(key));
      }
    }
  }
}

package org.opsbook.checker.postfix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opsbook.check.Findings;
import org.opsbook.check.Snippet;
import org.opsbook.checker.postfix.model.RegexSpec;
import org.opsbook.checker.postfix.model.Table;
import org.opsbook.checker.postfix.model.TableKind;
import org.opsbook.checker.postfix.model.TableUse;
import org.opsbook.checker.postfix.syntax.PostfixTableParser;

/** Compiled patterns belong to one lookup: each is freed when it ends, none is shared. */
class LookupSessionTest {
  private static final String TABLE = "/^A: (x)/ A [$1]\nif /^B/\n/^B: y/ B\nendif\n/^C:/ C\n";

  /** An engine that counts what it opens and closes, and lets the translator do the work. */
  private static final class CountingEngine implements PatternEngine {
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    final PatternEngine inner = new TranslatorEngine(TableKind.PCRE, "");

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public boolean isNative() {
      return false;
    }

    @Override
    public Compilation compile(RegexSpec spec, PatternUse use) {
      Compilation c = inner.compile(spec, use);
      if (!(c instanceof Compilation.Compiled ok)) {
        return c;
      }
      opened.incrementAndGet();
      CompiledPattern p = ok.pattern();
      return new Compilation.Compiled(new CompiledPattern() {
        @Override
        public int groups() {
          return p.groups();
        }

        @Override
        public MatchOutcome match(byte[] subject) {
          return p.match(subject);
        }

        @Override
        public void close() {
          closed.incrementAndGet();
          p.close();
        }
      });
    }
  }

  private static Table parse(Engines engines) {
    return parse(engines, TableKind.PCRE);
  }

  private static Table parse(Engines engines, TableKind kind) {
    Findings findings = new Findings(Snippet.of("postfix-pcre", TABLE, "t", Map.of()));
    return PostfixTableParser.parse(List.of(TABLE.split("\n")), 1, kind, TableUse.LOOKUP, engines, findings);
  }

  @Test
  void everyPatternCompiledForALookupIsFreedWhenItEnds() {
    CountingEngine engine = new CountingEngine();
    Engines engines = Engines.only(TableKind.PCRE, engine);
    Table table = parse(engines);
    assertEquals(engine.opened.get(), engine.closed.get(), "the table reader frees what it compiles");
    for (String key : List.of("A: x", "B: y", "C: z", "nothing")) {
      int before = engine.opened.get();
      TableLookup.lookup(table, key, engines);
      assertTrue(engine.opened.get() > before, key);
      assertEquals(engine.opened.get(), engine.closed.get(), key);
    }
  }

  @ParameterizedTest
  @EnumSource(TableKind.class)
  void lookupsFromManyThreadsAgreeWithOneThread(TableKind kind) throws Exception {
    Engines engines = Engines.of(kind, EngineChoice.AUTO);
    Assumptions.assumeTrue(engines.main().isNative(), "the native library is not installed here");
    Table table = parse(engines, kind);
    List<String> keys = List.of("A: x", "B: y", "C: z", "nothing", "A: xx", "B: n");
    List<String> expected = new ArrayList<>();
    for (String key : keys) {
      expected.add(TableLookup.lookup(table, key, engines).value());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(pool.submit(() -> {
          List<String> got = new ArrayList<>();
          for (int round = 0; round < 200; round++) {
            got.clear();
            for (String key : keys) {
              got.add(TableLookup.lookup(table, key, engines).value());
            }
          }
          return got;
        }));
      }
      for (Future<List<String>> run : runs) {
        assertEquals(expected, run.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

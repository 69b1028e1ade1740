package org.opsbook.checker.postfix.engine;

import java.util.Optional;
import org.opsbook.checker.postfix.model.RegexSpec;
import org.opsbook.checker.postfix.model.TableKind;

/**
 * The engines that answer for one kind of table under one {@link EngineChoice}: the library
 * Postfix calls when it is loaded and allowed, the translator otherwise, and for a {@code regexp:}
 * pattern glibc must not run (see {@link PosixScreen}), the translator too. Immutable and
 * thread-safe; the same choice always gives the same engines, so a table is matched by the engines
 * that read it.
 */
public final class Engines {
  private final PatternEngine nativeEngine;
  private final PatternEngine translator;
  private final TableKind kind;
  private final String unavailable;

  private Engines(TableKind kind, PatternEngine nativeEngine, PatternEngine translator, String unavailable) {
    this.kind = kind;
    this.nativeEngine = nativeEngine;
    this.translator = translator;
    this.unavailable = unavailable;
  }

  public static Engines of(TableKind kind, EngineChoice choice) {
    if (choice == EngineChoice.TRANSLATOR) {
      return new Engines(kind, null, new TranslatorEngine(kind, "postfix.engine is translator"), "");
    }
    PatternEngine nativeEngine = null;
    String whyNot;
    if (kind == TableKind.PCRE) {
      NativeLibraries.Loaded<Pcre2Library> pcre2 = NativeLibraries.pcre2();
      nativeEngine = pcre2.get().map(lib -> (PatternEngine) new NativePcre2Engine(lib, pcre2.version())).orElse(null);
      whyNot = pcre2.whyNot();
    } else {
      NativeLibraries.Loaded<NativeLibraries.Glibc> glibc = NativeLibraries.glibc();
      nativeEngine = glibc.get().map(g -> (PatternEngine) new NativeGlibcEngine(g, glibc.version())).orElse(null);
      whyNot = glibc.whyNot();
    }
    String unavailable = nativeEngine == null && choice == EngineChoice.NATIVE ? whyNot : "";
    return new Engines(kind, nativeEngine, new TranslatorEngine(kind, nativeEngine == null ? whyNot : ""), unavailable);
  }

  /** One engine for every pattern of the table; for tests that watch what an engine is asked. */
  static Engines only(TableKind kind, PatternEngine engine) {
    return new Engines(kind, null, engine, "");
  }

  /** Why the native engine that {@code postfix.engine: native} asks for cannot run here, or empty. */
  public Optional<String> unavailable() {
    return unavailable.isEmpty() ? Optional.empty() : Optional.of(unavailable);
  }

  /** The engine for one pattern. */
  public PatternEngine forPattern(RegexSpec spec) {
    if (nativeEngine == null || kind == TableKind.REGEXP && NativeGlibcEngine.whyNot(spec).isPresent()) {
      return translator;
    }
    return nativeEngine;
  }

  /** Why a pattern is matched by the translator although the native engine is loaded, or empty. */
  public Optional<String> whyTranslated(RegexSpec spec) {
    if (nativeEngine == null || kind != TableKind.REGEXP) {
      return Optional.empty();
    }
    return NativeGlibcEngine.whyNot(spec).map(why -> "glibc is not run on this pattern: " + why);
  }

  /** The engine for the table as a whole, as traces name it. */
  public PatternEngine main() {
    return nativeEngine != null ? nativeEngine : translator;
  }
}

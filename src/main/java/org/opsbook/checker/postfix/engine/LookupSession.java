package org.opsbook.checker.postfix.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opsbook.checker.postfix.model.RegexSpec;

/**
 * The patterns one lookup compiles, each once, as the lookup reaches them; {@link #close()} frees
 * them all. One per lookup, so no compiled pattern is shared between threads. Not thread-safe.
 */
final class LookupSession implements AutoCloseable {
  private final Engines engines;
  private final Map<RegexSpec, Compilation> compiled = new IdentityHashMap<>();
  private final List<CompiledPattern> open = new ArrayList<>();
  private final Set<String> used = new LinkedHashSet<>();

  LookupSession(Engines engines) {
    this.engines = engines;
  }

  /** The pattern compiled for this use, or why it could not be. */
  Compilation pattern(RegexSpec spec, PatternUse use) {
    Compilation c = compiled.get(spec);
    if (c == null) {
      PatternEngine engine = engines.forPattern(spec);
      used.add(engine.name());
      c = engine.compile(spec, use);
      if (c instanceof Compilation.Compiled ok) {
        open.add(ok.pattern());
      }
      compiled.put(spec, c);
    }
    return c;
  }

  /** The engines that compiled this lookup's patterns, in the order they were first used. */
  List<String> engines() {
    return used.isEmpty() ? List.of(engines.main().name()) : List.copyOf(used);
  }

  @Override
  public void close() {
    for (CompiledPattern p : open) {
      p.close();
    }
    open.clear();
  }
}

package org.opsbook.serve;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opsbook.diag.Diagnostic;
import org.opsbook.publish.MemoryOutput;

/**
 * What the preview shows: the site of the latest build that produced one (in memory), the
 * diagnostics of the latest build, and a number that changes with every rebuild.
 *
 * @param site the site to serve; empty until a build produces one
 * @param diagnostics the latest build's diagnostics, shown in the terminal and the overlay
 * @param stale whether the latest build produced no site (bad configuration, a template error),
 *     so the pages served are older than the sources
 * @param generation counts rebuilds; sent with every reload event
 * @param sources the source file of every page, by site path, so a page's overlay can list that
 *     file's diagnostics
 * @param lastGood site paths of articles that do not build now and are served as their last
 *     version that did, rather than as a 404
 */
public record BuildState(Optional<MemoryOutput> site, List<Diagnostic> diagnostics, boolean stale, long generation,
    Map<String, String> sources, Set<String> lastGood) {
  public BuildState {
    diagnostics = List.copyOf(diagnostics);
    sources = Map.copyOf(sources);
    lastGood = Set.copyOf(lastGood);
  }

  public BuildState(Optional<MemoryOutput> site, List<Diagnostic> diagnostics, boolean stale, long generation,
      Map<String, String> sources) {
    this(site, diagnostics, stale, generation, sources, Set.of());
  }

  /** Whether the page at {@code sitePath} is an earlier version kept because its article is broken now. */
  boolean isLastGood(String sitePath) {
    return lastGood.contains(sitePath);
  }

  static BuildState initial() {
    return new BuildState(Optional.empty(), List.of(), false, 0, Map.of(), Set.of());
  }

  /** The source file a page is built from, by the page's site path ({@code articles/x/}). */
  Optional<String> sourceOf(String sitePath) {
    return Optional.ofNullable(sources.get(sitePath));
  }
}

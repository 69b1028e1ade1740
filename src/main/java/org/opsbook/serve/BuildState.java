package org.opsbook.serve;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.diag.Diagnostic;
import org.opsbook.site.SiteFiles;

/**
 * What the preview shows: the site of the latest build that produced one (in memory), the
 * diagnostics of the latest build, and a number that changes with every rebuild.
 *
 * @param site the site to serve; empty until a build produces one
 * @param diagnostics the latest build's diagnostics, shown in the terminal and the overlay
 * @param stale whether the latest build produced no site (bad configuration, a template error),
 *     so the pages served are older than the sources
 * @param generation counts rebuilds; sent with every reload event
 * @param sources the source file of every page, by site path, so a page's overlay can put that
 *     file's diagnostics first
 */
public record BuildState(Optional<SiteFiles> site, List<Diagnostic> diagnostics, boolean stale, long generation,
    Map<String, String> sources) {
  public BuildState {
    diagnostics = List.copyOf(diagnostics);
    sources = Map.copyOf(sources);
  }

  static BuildState initial() {
    return new BuildState(Optional.empty(), List.of(), false, 0, Map.of());
  }

  /** The source file a page is built from, by the page's site path ({@code articles/x/}). */
  Optional<String> sourceOf(String sitePath) {
    return Optional.ofNullable(sources.get(sitePath));
  }
}

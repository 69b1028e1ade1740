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
 * @param findings the latest build's diagnostics, shown in the terminal and the overlay
 * @param stale whether the latest build produced no site (bad configuration, a template error),
 *     so the pages served are older than the sources
 * @param generation counts rebuilds; sent with every reload event
 * @param sources the source file of every page, by site path, so a page's overlay can list that
 *     file's diagnostics
 * @param lastGood by site path ({@code articles/x/}), the last page that built of each article that
 *     does not build now, served in its place rather than a 404
 */
public record BuildState(Optional<SiteFiles> site, Findings findings, boolean stale, long generation,
    Map<String, String> sources, Map<String, byte[]> lastGood) {
  public BuildState {
    java.util.Objects.requireNonNull(findings);
    sources = Map.copyOf(sources);
    lastGood = Map.copyOf(lastGood);
  }

  public BuildState(Optional<SiteFiles> site, List<Diagnostic> diagnostics, boolean stale, long generation,
      Map<String, String> sources, Map<String, byte[]> lastGood) {
    this(site, new Findings(diagnostics), stale, generation, sources, lastGood);
  }

  public BuildState(Optional<SiteFiles> site, List<Diagnostic> diagnostics, boolean stale, long generation,
      Map<String, String> sources) {
    this(site, diagnostics, stale, generation, sources, Map.of());
  }

  /** Every diagnostic of the latest build. */
  public List<Diagnostic> diagnostics() {
    return findings.all();
  }

  /** Whether the page at {@code sitePath} is an earlier version kept because its article is broken now. */
  boolean isLastGood(String sitePath) {
    return lastGood.containsKey(sitePath);
  }

  static BuildState initial() {
    return new BuildState(Optional.empty(), List.of(), false, 0, Map.of(), Map.of());
  }

  /** The source file a page is built from, by the page's site path ({@code articles/x/}). */
  Optional<String> sourceOf(String sitePath) {
    return Optional.ofNullable(sources.get(sitePath));
  }
}

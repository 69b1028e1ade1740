package org.opsbook.serve;

import java.util.List;
import java.util.Optional;
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
 */
public record BuildState(Optional<MemoryOutput> site, List<Diagnostic> diagnostics, boolean stale, long generation) {
  public BuildState {
    diagnostics = List.copyOf(diagnostics);
  }

  static BuildState initial() {
    return new BuildState(Optional.empty(), List.of(), false, 0);
  }
}

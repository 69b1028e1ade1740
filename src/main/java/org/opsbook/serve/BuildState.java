package org.opsbook.serve;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.opsbook.diag.Diagnostic;

/**
 * What the preview shows: the folder of the last build that succeeded (if any), the diagnostics
 * of the latest build, and a number that changes with every rebuild.
 *
 * @param site the last good output, served as is; empty until a build succeeds
 * @param diagnostics the latest build's diagnostics, shown in the overlay
 * @param failed whether the latest build failed, so the page is older than the sources
 * @param generation counts rebuilds; sent with every reload event
 */
public record BuildState(Optional<Path> site, List<Diagnostic> diagnostics, boolean failed, long generation) {
  public BuildState {
    diagnostics = List.copyOf(diagnostics);
  }

  static BuildState initial() {
    return new BuildState(Optional.empty(), List.of(), false, 0);
  }
}

package org.opsbook.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/**
 * The diagnostics of one build as the preview shows them: every page it serves asks for the
 * findings in one file and the counts of the whole site. A large site has tens of thousands of
 * findings, and a page reloading every few milliseconds must not walk them all each time (that
 * walk would compete with the rebuild for the processor), so both are worked out once, on the
 * first request after the build rather than on the build's own path to being served.
 */
final class Findings {
  private final List<Diagnostic> all;
  private volatile Index index;

  Findings(List<Diagnostic> diagnostics) {
    this.all = List.copyOf(diagnostics);
  }

  /** Every finding, in the build's order. */
  List<Diagnostic> all() {
    return all;
  }

  /** The findings in {@code file} (a source path as diagnostics name it), in the build's order; none for null. */
  List<Diagnostic> in(String file) {
    return file == null ? List.of() : index().byFile.getOrDefault(file, List.of());
  }

  /** The files that have findings, in no particular order. */
  java.util.Set<String> files() {
    return index().byFile.keySet();
  }

  /** The whole site's counts. */
  Counts counts() {
    return index().counts;
  }

  private Index index() {
    Index i = index;
    if (i == null) {
      // Two requests may both build it; either result is the same, so no lock is needed.
      i = new Index(all);
      index = i;
    }
    return i;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Findings f && f.all.equals(all);
  }

  @Override
  public int hashCode() {
    return all.hashCode();
  }

  @Override
  public String toString() {
    return all.toString();
  }

  /** How many findings of each severity a list holds. */
  record Counts(long errors, long warnings, long notes) {
    static Counts of(List<Diagnostic> diagnostics) {
      long errors = 0;
      long warnings = 0;
      for (Diagnostic d : diagnostics) {
        if (d.isError()) {
          errors++;
        } else if (d.severity() == Severity.WARNING) {
          warnings++;
        }
      }
      return new Counts(errors, warnings, diagnostics.size() - errors - warnings);
    }
  }

  private static final class Index {
    final Map<String, List<Diagnostic>> byFile;
    final Counts counts;

    Index(List<Diagnostic> all) {
      Map<String, List<Diagnostic>> files = new HashMap<>();
      for (Diagnostic d : all) {
        files.computeIfAbsent(d.where().file(), f -> new ArrayList<>()).add(d);
      }
      files.replaceAll((f, ds) -> List.copyOf(ds));
      this.byFile = java.util.Collections.unmodifiableMap(files);
      this.counts = Counts.of(all);
    }
  }
}

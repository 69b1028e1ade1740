package org.opsbook.site;

import java.nio.file.Path;
import java.util.List;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.diag.Diagnostic;
import org.opsbook.testing.ToyChecker;

/** One rule's findings in a build of a small project, each as "article/index.md:line:col message | hint". */
final class SiteFindings {
  private SiteFindings() {}

  static List<String> of(Path project, String rule, boolean drafts) throws Exception {
    BuildResult r = new Build(CheckerRegistry.of(List.of(new ToyChecker())), 1)
        .run(BuildOptions.forProject(project).withWrite(false).withDrafts(drafts));
    return r.report().diagnostics().stream().filter(d -> d.rule().value().equals(rule))
        .map(SiteFindings::describe).toList();
  }

  private static String describe(Diagnostic d) {
    return d.where().file().replaceAll(".*/articles/", "") + ":" + d.where().line() + ":" + d.where().column() + " "
        + d.message() + " | " + d.hintText().orElse("");
  }
}

package org.opsbook.site;

import java.time.Duration;
import java.util.List;
import org.opsbook.report.Report;

/**
 * What a build did.
 *
 * @param report every diagnostic, snippet and test
 * @param articles the processed articles and pages, in path order
 * @param written whether the output folder was replaced
 * @param files files written (0 when nothing was written)
 * @param bytes bytes written
 * @param reprocessed how many articles were processed rather than taken from an earlier build
 * @param rendered how many files of the site were made rather than taken from an earlier build
 * @param elapsed wall time of the build
 */
public record BuildResult(Report report, List<ProcessedArticle> articles, boolean written, long files, long bytes,
    int reprocessed, int rendered, Duration elapsed) {
  public BuildResult {
    articles = List.copyOf(articles);
  }

  public boolean hasErrors() {
    return report.diagnostics().stream().anyMatch(d -> d.isError());
  }
}

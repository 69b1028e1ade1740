package org.opsbook.site;

import java.io.IOException;
import org.opsbook.publish.BuildMarker;
import org.opsbook.publish.OutputTree;
import org.opsbook.report.Report;

/**
 * Stage 4, write: a build that passed swaps its staged output folder into place with the marker
 * {@code opsbook publish} looks for; one that failed deletes it and leaves the old site as it was.
 * (The preview's builds end with a new {@link SiteFiles} instead.)
 */
final class WriteStage {
  static final String NAME = "write";

  /**
   * What was written.
   *
   * @param written whether the output folder was replaced
   * @param files how many files it holds
   * @param bytes their size
   * @param unchanged how many of them had the previous build's bytes and were left in place
   */
  record Written(boolean written, long files, long bytes, long unchanged) {}

  private WriteStage() {}

  static Written finish(OutputTree out, Report report, BuildOptions options, boolean failed) throws IOException {
    if (failed) {
      out.discard();
      return new Written(false, 0, 0, 0);
    }
    // The marker tells 'opsbook publish' that this tree came from a build that passed.
    out.write(BuildMarker.FILE_NAME, BuildMarker.json(report, options.policy(), options.drafts()));
    long files = out.fileCount();
    long bytes = out.byteCount();
    out.commit();
    return new Written(true, files, bytes, out.unchangedCount());
  }
}

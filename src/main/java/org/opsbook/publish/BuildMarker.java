package org.opsbook.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opsbook.diag.Severity;
import org.opsbook.report.ExitPolicy;
import org.opsbook.report.Report;
import org.opsbook.report.SnippetRecord;

/**
 * What {@code opsbook build} says about the site it wrote, in {@value #FILE_NAME} at the top of the
 * output folder, for example {@code {"generator":"opsbook","passed":true,"errors":0,"warnings":2,
 * "testsFailed":0,"drafts":false,"reportOnly":false,"snippetsChecked":40,"snippetsUnchecked":3}}.
 * {@code passed} says whether the checks found nothing that fails a build: it is the build's
 * verdict without {@code --report-only}, so a {@code --report-only} build that wrote a site with
 * errors records {@code "passed":false} and its errors. Publishing refuses a folder without a
 * marker or one that included drafts, and one whose checks did not pass unless errors are allowed.
 *
 * @param passed whether the checks passed (errors, failed tests and the warning policy; {@code
 *     --report-only} does not change it)
 */
public record BuildMarker(boolean passed, long errors, long warnings, long testsFailed, boolean drafts) {
  public static final String FILE_NAME = ".opsbook-build.json";

  /** The marker's text for a finished build: one line of JSON, fixed key order, no timestamp. */
  public static String json(Report report, ExitPolicy policy, boolean drafts) {
    ExitPolicy strict = new ExitPolicy(policy.warningsAreErrors(), policy.maxWarnings(), false);
    long checked = report.snippets().stream().filter(SnippetRecord::checked).count();
    return fields(!strict.judge(report).fails(), report.count(Severity.ERROR), report.count(Severity.WARNING),
        report.testsFailed(), drafts)
        + ",\"reportOnly\":" + policy.reportOnly()
        + ",\"snippetsChecked\":" + checked
        + ",\"snippetsUnchecked\":" + (report.snippets().size() - checked) + "}\n";
  }

  static String json(boolean passed, long errors, long warnings, long testsFailed, boolean drafts) {
    return fields(passed, errors, warnings, testsFailed, drafts) + "}\n";
  }

  private static String fields(boolean passed, long errors, long warnings, long testsFailed, boolean drafts) {
    return "{\"generator\":\"opsbook\",\"passed\":" + passed + ",\"errors\":" + errors + ",\"warnings\":" + warnings
        + ",\"testsFailed\":" + testsFailed + ",\"drafts\":" + drafts;
  }

  /** Reads the marker of a built site, or says in the exception why the site may not be published. */
  public static BuildMarker read(Path site) throws PublishException {
    Path file = site.resolve(FILE_NAME);
    if (!Files.isDirectory(site)) {
      throw PublishException.failed(site + " is not a folder: run 'opsbook build' first");
    }
    if (!Files.isRegularFile(file)) {
      throw PublishException.refused(
          site + " has no " + FILE_NAME + ", so it was not written by a successful 'opsbook build';"
              + " run 'opsbook build' and publish its output");
    }
    try {
      // Made here rather than with the class: every build writes a marker, and only publishing reads one.
      JsonNode node = new ObjectMapper().readTree(file.toFile());
      if (!node.path("generator").asText().equals("opsbook")) {
        throw PublishException.refused(file + " was not written by opsbook; run 'opsbook build'");
      }
      if (!node.path("passed").isBoolean()) {
        throw PublishException.refused(file + " does not say how the build went; run 'opsbook build' again");
      }
      long errors = node.path("errors").asLong(0);
      long testsFailed = node.path("testsFailed").asLong(0);
      // A marker that counts errors cannot say the build passed, whatever its "passed" says.
      return new BuildMarker(
          node.get("passed").asBoolean() && errors == 0 && testsFailed == 0,
          errors,
          node.path("warnings").asLong(0),
          testsFailed,
          node.path("drafts").asBoolean(false));
    } catch (IOException e) {
      throw PublishException.refused(file + " is unreadable (" + e.getMessage() + "); run 'opsbook build' again");
    }
  }

  /** Throws when the build this marker describes must not go live. */
  public void requirePublishable(Path site) throws PublishException {
    requirePublishable(site, false);
  }

  /**
   * Throws when the build this marker describes must not go live.
   *
   * @param allowErrors {@code publish --allow-errors}: a site whose checks found errors may go live
   *     (drafts never may)
   */
  public void requirePublishable(Path site, boolean allowErrors) throws PublishException {
    if (!passed && !allowErrors) {
      throw PublishException.refused(
          "the build in " + site + " did not pass its checks (errors: " + errors + ", warnings: " + warnings
              + ", failed tests: " + testsFailed + "); fix them and build again, or publish it anyway with"
              + " --allow-errors");
    }
    if (drafts) {
      throw PublishException.refused(
          "the build in " + site + " includes drafts (--drafts); build without --drafts to publish");
    }
  }
}

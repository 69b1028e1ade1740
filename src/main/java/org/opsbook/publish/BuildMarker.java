package org.opsbook.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opsbook.diag.Severity;
import org.opsbook.report.ExitPolicy;
import org.opsbook.report.Report;

/**
 * What {@code opsbook build} says about the site it wrote, in {@value #FILE_NAME} at the top of the
 * output folder, for example {@code {"generator":"opsbook","passed":true,"errors":0,"warnings":2,
 * "testsFailed":0,"drafts":false}}. {@code passed} is the build's own verdict under its exit policy
 * (so a {@code --report-only} build of a site with known errors passes); the counts are for people.
 * Publishing refuses a folder without a marker, or one whose build did not pass or included drafts.
 *
 * @param passed whether the build passed under its exit policy
 */
public record BuildMarker(boolean passed, long errors, long warnings, long testsFailed, boolean drafts) {
  public static final String FILE_NAME = ".opsbook-build.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The marker's text for a finished build: one line of JSON, fixed key order, no timestamp. */
  public static String json(Report report, ExitPolicy policy, boolean drafts) {
    return json(!policy.judge(report).fails(), report.count(Severity.ERROR), report.count(Severity.WARNING),
        report.testsFailed(), drafts);
  }

  static String json(boolean passed, long errors, long warnings, long testsFailed, boolean drafts) {
    return "{\"generator\":\"opsbook\",\"passed\":" + passed + ",\"errors\":" + errors + ",\"warnings\":" + warnings
        + ",\"testsFailed\":" + testsFailed + ",\"drafts\":" + drafts + "}\n";
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
      JsonNode node = JSON.readTree(file.toFile());
      if (!node.path("generator").asText().equals("opsbook")) {
        throw PublishException.refused(file + " was not written by opsbook; run 'opsbook build'");
      }
      if (!node.path("passed").isBoolean()) {
        throw PublishException.refused(file + " does not say how the build went; run 'opsbook build' again");
      }
      return new BuildMarker(
          node.get("passed").asBoolean(),
          node.path("errors").asLong(0),
          node.path("warnings").asLong(0),
          node.path("testsFailed").asLong(0),
          node.path("drafts").asBoolean(false));
    } catch (IOException e) {
      throw PublishException.refused(file + " is unreadable (" + e.getMessage() + "); run 'opsbook build' again");
    }
  }

  /** Throws when the build this marker describes must not go live. */
  public void requirePublishable(Path site) throws PublishException {
    if (!passed) {
      throw PublishException.refused(
          "the build in " + site + " failed (errors: " + errors + ", warnings: " + warnings + ", failed tests: "
              + testsFailed + "); fix them and build again before publishing");
    }
    if (drafts) {
      throw PublishException.refused(
          "the build in " + site + " includes drafts (--drafts); build without --drafts to publish");
    }
  }
}

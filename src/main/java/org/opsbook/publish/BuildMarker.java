package org.opsbook.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code opsbook build} says about the site it wrote, in {@value #FILE_NAME} at the top of the
 * output folder: {@code {"generator":"opsbook","errors":0,"warnings":2,"testsFailed":0,"drafts":false}}.
 * Publishing refuses a folder without it, or one whose build had errors, failed tests or drafts.
 */
public record BuildMarker(long errors, long warnings, long testsFailed, boolean drafts) {
  public static final String FILE_NAME = ".opsbook-build.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The marker's text for a finished build, for {@code Build} to write at the top of the output:
   * one line of JSON, keys in a fixed order, no timestamp (the output stays reproducible).
   */
  public static String json(long errors, long warnings, long testsFailed, boolean drafts) {
    return "{\"generator\":\"opsbook\",\"errors\":" + errors + ",\"warnings\":" + warnings
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
      return new BuildMarker(
          node.path("errors").asLong(-1),
          node.path("warnings").asLong(0),
          node.path("testsFailed").asLong(-1),
          node.path("drafts").asBoolean(false));
    } catch (IOException e) {
      throw PublishException.refused(file + " is unreadable (" + e.getMessage() + "); run 'opsbook build' again");
    }
  }

  /** Throws when the build this marker describes must not go live. */
  public void requirePublishable(Path site) throws PublishException {
    if (errors < 0 || testsFailed < 0) {
      throw PublishException.refused(
          site.resolve(FILE_NAME) + " does not say how the build went; run 'opsbook build' again");
    }
    if (errors != 0 || testsFailed != 0) {
      throw PublishException.refused(
          "the build in " + site + " failed (" + errors + " errors, " + testsFailed + " failed tests); fix them and build again before publishing");
    }
    if (drafts) {
      throw PublishException.refused(
          "the build in " + site + " includes drafts (--drafts); build without --drafts to publish");
    }
  }
}

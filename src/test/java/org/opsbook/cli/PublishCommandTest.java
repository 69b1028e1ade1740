package org.opsbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishCommandTest {
  @TempDir Path tmp;

  private Path site(String marker) throws Exception {
    Path site = tmp.resolve("site");
    Files.createDirectories(site);
    Files.writeString(site.resolve("index.html"), "<!doctype html><title>home</title>\n");
    Files.writeString(site.resolve(".opsbook-build.json"), marker);
    return site;
  }

  @Test
  void publishesAndRollsBackWithExitZero() throws Exception {
    Path site = site("{\"generator\":\"opsbook\",\"passed\":true,\"errors\":0,\"warnings\":0,\"testsFailed\":0,\"drafts\":false}");
    Path www = tmp.resolve("www");
    CommandRunner first = CommandRunner.run(new PublishCommand(), "--to", www.toString(), "--site", site.toString());
    assertEquals(0, first.exit(), first.err());
    assertTrue(first.out().contains("published release "), first.out());
    assertTrue(Files.isSymbolicLink(www.resolve("current")));
    CommandRunner rollback = CommandRunner.run(new PublishCommand(), "--to", www.toString(), "--rollback");
    assertEquals(2, rollback.exit());
    assertTrue(rollback.err().startsWith("publish: cannot roll back: "), rollback.err());
  }

  @Test
  void failedBuildIsRefusedWithExitOne() throws Exception {
    Path site = site("{\"generator\":\"opsbook\",\"passed\":false,\"errors\":2,\"warnings\":0,\"testsFailed\":0,\"drafts\":false}");
    CommandRunner r = CommandRunner.run(new PublishCommand(), "--to", tmp.resolve("www").toString(), "--site", site.toString());
    assertEquals(1, r.exit());
    assertEquals("publish: the build in " + site + " did not pass its checks (errors: 2, warnings: 0, failed tests: 0);"
        + " fix them and build again, or publish it anyway with --allow-errors\n", r.err());
  }

  @Test
  void allowErrorsPublishesABuildWithErrorsAndSaysSo() throws Exception {
    Path site = site("{\"generator\":\"opsbook\",\"passed\":false,\"errors\":2,\"warnings\":0,\"testsFailed\":0,\"drafts\":false}");
    Path www = tmp.resolve("www");
    CommandRunner r = CommandRunner.run(new PublishCommand(), "--to", www.toString(), "--site", site.toString(),
        "--allow-errors");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("publishing a build that did not pass its checks (errors: 2, failed tests: 0)"), r.out());
    assertTrue(Files.isSymbolicLink(www.resolve("current")));
  }

  @Test
  void missingToIsAUsageError() {
    CommandRunner r = CommandRunner.run(new PublishCommand());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("Missing required option: '--to"), r.err());
  }
}

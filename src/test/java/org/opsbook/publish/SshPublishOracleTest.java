package org.opsbook.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishes over SSH with the real ssh and rsync to an sshd started on a loopback port. */
@Tag("oracle")
class SshPublishOracleTest {
  @TempDir static Path keys;
  private static LoopbackSshd sshd;
  private static String whyNot = "";

  @TempDir Path tmp;

  @BeforeAll
  static void startSshd() throws Exception {
    LoopbackSshd.Result r = LoopbackSshd.start(keys);
    sshd = r.sshd().orElse(null);
    whyNot = r.whyNot();
  }

  @AfterAll
  static void stopSshd() throws Exception {
    if (sshd != null) {
      sshd.close();
    }
  }

  private SshReleaseStore store(ProcessRunner runner) throws PublishException {
    Assumptions.assumeTrue(sshd != null, "no loopback sshd: " + whyNot);
    PublishTarget target = PublishTarget.parse(sshd.user() + "@127.0.0.1:" + tmp.resolve("www"), tmp);
    return new SshReleaseStore((PublishTarget.Remote) target, sshd.rsh(), runner);
  }

  private static ProcessRunner real() {
    return ProcessRunner.system(Duration.ofSeconds(60));
  }

  @Test
  void publishesTwiceWithHardLinksThenRollsBackOverSsh() throws Exception {
    SshReleaseStore store = store(real());
    Path site = tmp.resolve("site");
    SiteFixture.write(site, "v1");
    SiteFixture.publisher(store, 0, new StringWriter()).publish(site, 5, false);
    SiteFixture.write(site, "v2");
    SiteFixture.publisher(store, 60, new StringWriter()).publish(site, 5, false);

    Path www = tmp.resolve("www");
    assertEquals(new ReleaseState(List.of("20260314090000", "20260314090100"), Optional.of("20260314090100")), store.state());
    assertEquals(Path.of("releases/20260314090100"), Files.readSymbolicLink(www.resolve("current")));
    assertTrue(Files.readString(www.resolve("current/index.html")).contains("Home v2"));
    assertTrue(Files.exists(www.resolve("current/index.html.gz")));
    assertTrue(!Files.exists(www.resolve("current/" + BuildMarker.FILE_NAME)));
    Path css = Path.of("assets/site.3f2a9c.css");
    assertEquals(
        Files.getAttribute(www.resolve("releases/20260314090000").resolve(css), "unix:ino"),
        Files.getAttribute(www.resolve("releases/20260314090100").resolve(css), "unix:ino"),
        "rsync --link-dest hard-links the unchanged stylesheet");

    SiteFixture.publisher(store, 90, new StringWriter()).rollback(false);
    assertTrue(Files.readString(www.resolve("current/index.html")).contains("Home v1"));
  }

  @Test
  void failedRsyncLeavesCurrentOnTheOldReleaseAndNoLeftovers() throws Exception {
    SshReleaseStore good = store(real());
    Path site = tmp.resolve("site");
    SiteFixture.write(site, "v1");
    SiteFixture.publisher(good, 0, new StringWriter()).publish(site, 5, false);
    SiteFixture.write(site, "v2");
    // A missing source makes rsync copy everything else, then exit 23: a real partial transfer.
    ProcessRunner partial = command -> {
      List<String> c = new ArrayList<>(command);
      if (c.get(0).equals("rsync")) {
        c.add(c.size() - 1, tmp.resolve("no-such-source").toString());
      }
      return real().run(c);
    };
    SshReleaseStore failing = store(partial);
    PublishException e = assertThrows(PublishException.class,
        () -> SiteFixture.publisher(failing, 60, new StringWriter()).publish(site, 5, false));
    assertTrue(e.getMessage().contains("rsync to") && e.getMessage().contains("exit 23"), e.getMessage());
    Path www = tmp.resolve("www");
    assertTrue(Files.readString(www.resolve("current/index.html")).contains("Home v1"));
    try (var left = Files.list(www.resolve("releases"))) {
      assertEquals(List.of("20260314090000"), left.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void dryRunOverSshCreatesNothing() throws Exception {
    SshReleaseStore store = store(real());
    Path site = SiteFixture.write(tmp.resolve("site"), "v1");
    StringWriter log = new StringWriter();
    SiteFixture.publisher(store, 0, log).publish(site, 5, true);
    assertTrue(!Files.exists(tmp.resolve("www")), log.toString());
    assertTrue(log.toString().contains("would upload"), log.toString());
  }

  @Test
  void unreachableHostIsAClearFailure() throws Exception {
    Assumptions.assumeTrue(sshd != null, "no loopback sshd: " + whyNot);
    PublishTarget.Remote nowhere = new PublishTarget.Remote(sshd.user() + "@127.0.0.1", "/srv/www");
    SshReleaseStore store = new SshReleaseStore(nowhere, sshd.rsh().replace("-p " + sshd.port, "-p 1"), real());
    PublishException e = assertThrows(PublishException.class, store::state);
    assertTrue(e.getMessage().startsWith("cannot read the releases on " + sshd.user() + "@127.0.0.1:/srv/www (ssh exit 255)"), e.getMessage());
  }
}

package org.opsbook.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublisherTest {
  @TempDir Path tmp;

  private Path site() {
    return tmp.resolve("site");
  }

  private Path www() {
    return tmp.resolve("www");
  }

  private String current() throws IOException {
    return Files.readString(www().resolve("current/index.html"));
  }

  @Test
  void publishingTwiceKeepsBothReleasesAndServesTheNewest() throws Exception {
    StringWriter log = new StringWriter();
    LocalReleaseStore store = new LocalReleaseStore(www());
    SiteFixture.write(site(), "v1");
    assertEquals("20260314090000", SiteFixture.publisher(store, 0, log).publish(site(), 5, false));
    SiteFixture.write(site(), "v2");
    assertEquals("20260314090100", SiteFixture.publisher(store, 60, log).publish(site(), 5, false));

    assertEquals(new ReleaseState(List.of("20260314090000", "20260314090100"), Optional.of("20260314090100")), store.state());
    assertTrue(current().contains("Home v2"));
    assertEquals(Path.of("releases/20260314090100"), Files.readSymbolicLink(www().resolve("current")));
    assertFalse(Files.exists(www().resolve("current/" + BuildMarker.FILE_NAME)), "the build marker stays private");
    assertTrue(Files.exists(www().resolve("current/index.html.gz")));
  }

  @Test
  void unchangedFilesAreHardLinkedToThePreviousRelease() throws Exception {
    LocalReleaseStore store = new LocalReleaseStore(www());
    SiteFixture.write(site(), "v1");
    SiteFixture.publisher(store, 0, new StringWriter()).publish(site(), 5, false);
    SiteFixture.write(site(), "v2");
    SiteFixture.publisher(store, 1, new StringWriter()).publish(site(), 5, false);
    Path r1 = www().resolve("releases/20260314090000");
    Path r2 = www().resolve("releases/20260314090001");
    assertEquals(inode(r1.resolve("assets/site.3f2a9c.css")), inode(r2.resolve("assets/site.3f2a9c.css")));
    assertEquals(inode(r1.resolve("articles/hsts/index.html")), inode(r2.resolve("articles/hsts/index.html")));
    assertNotEquals(inode(r1.resolve("index.html")), inode(r2.resolve("index.html")));
    assertTrue(Files.readString(r1.resolve("index.html")).contains("Home v1"), "the old release is untouched");
  }

  @Test
  void rollbackServesThePreviousReleaseAndASecondRollbackGoesFurther() throws Exception {
    LocalReleaseStore store = new LocalReleaseStore(www());
    for (int i = 1; i <= 3; i++) {
      SiteFixture.write(site(), "v" + i);
      SiteFixture.publisher(store, i, new StringWriter()).publish(site(), 5, false);
    }
    StringWriter log = new StringWriter();
    assertEquals("20260314090002", SiteFixture.publisher(store, 9, log).rollback(false));
    assertTrue(current().contains("Home v2"));
    assertEquals("switch current from 20260314090003 to 20260314090002\nrolled back to release 20260314090002\n", log.toString());
    SiteFixture.publisher(store, 9, log).rollback(false);
    assertTrue(current().contains("Home v1"));
    PublishException oldest = assertThrows(PublishException.class, () -> SiteFixture.publisher(store, 9, log).rollback(false));
    assertTrue(oldest.getMessage().contains("20260314090001 is the oldest release"), oldest.getMessage());
    assertTrue(current().contains("Home v1"));
  }

  @Test
  void failureMidUploadLeavesCurrentOnTheOldRelease() throws Exception {
    SiteFixture.write(site(), "v1");
    SiteFixture.publisher(new LocalReleaseStore(www()), 0, new StringWriter()).publish(site(), 5, false);
    SiteFixture.write(site(), "v2");
    AtomicInteger copies = new AtomicInteger();
    LocalReleaseStore failing =
        new LocalReleaseStore(www(), (from, to) -> {
          if (copies.incrementAndGet() > 1) {
            throw new IOException("No space left on device");
          }
          Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        });
    PublishException e =
        assertThrows(PublishException.class, () -> SiteFixture.publisher(failing, 60, new StringWriter()).publish(site(), 5, false));
    assertTrue(e.getMessage().contains("the live site is unchanged: No space left on device"), e.getMessage());
    assertEquals(new ReleaseState(List.of("20260314090000"), Optional.of("20260314090000")), failing.state());
    assertTrue(current().contains("Home v1"));
    try (Stream<Path> left = Files.list(www().resolve("releases"))) {
      assertEquals(List.of("20260314090000"), left.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void keepDeletesTheOldestReleasesButNeverTheLiveOne() throws Exception {
    LocalReleaseStore store = new LocalReleaseStore(www());
    for (int i = 1; i <= 4; i++) {
      SiteFixture.write(site(), "v" + i);
      SiteFixture.publisher(store, i, new StringWriter()).publish(site(), 2, false);
    }
    assertEquals(List.of("20260314090003", "20260314090004"), store.state().releases());
    SiteFixture.publisher(store, 10, new StringWriter()).rollback(false);
    SiteFixture.write(site(), "v5");
    SiteFixture.publisher(store, 11, new StringWriter()).publish(site(), 1, false);
    assertEquals(List.of("20260314090011"), store.state().releases());
    assertTrue(current().contains("Home v5"));
  }

  @Test
  void dryRunSaysWhatItWouldDoAndChangesNothing() throws Exception {
    LocalReleaseStore store = new LocalReleaseStore(www());
    SiteFixture.write(site(), "v1");
    SiteFixture.publisher(store, 0, new StringWriter()).publish(site(), 1, false);
    SiteFixture.write(site(), "v2");
    StringWriter log = new StringWriter();
    SiteFixture.publisher(store, 60, log).publish(site(), 1, true);
    assertEquals(
        "would precompress the text files of " + site() + " (.gz)\n"
            + "would upload " + site() + " to " + www() + "/releases/20260314090100, hard-linking files unchanged"
            + " since release 20260314090000\n"
            + "would switch current from 20260314090000 to 20260314090100\n"
            + "would delete old release 20260314090000\n"
            + "dry run: nothing changed\n",
        log.toString());
    assertEquals(new ReleaseState(List.of("20260314090000"), Optional.of("20260314090000")), store.state());
    assertTrue(current().contains("Home v1"));
  }

  @Test
  void dryRunToANewDestinationCreatesNothing() throws Exception {
    SiteFixture.write(site(), "v1");
    StringWriter log = new StringWriter();
    SiteFixture.publisher(new LocalReleaseStore(www()), 0, log).publish(site(), 5, true);
    assertFalse(Files.exists(www()), log.toString());
    assertTrue(log.toString().contains("would switch current to 20260314090000\n"), log.toString());
  }

  @Test
  void refusesASiteWhoseBuildFailedOrHasDraftsOrNoMarker() throws Exception {
    LocalReleaseStore store = new LocalReleaseStore(www());
    SiteFixture.write(site(), "v1");
    SiteFixture.marker(site(), 3, 0, false);
    PublishException failed = assertThrows(PublishException.class, () -> SiteFixture.publisher(store, 0, new StringWriter()).publish(site(), 5, false));
    assertTrue(failed.isRefusal());
    assertTrue(failed.getMessage().contains("did not pass its checks (errors: 3, warnings: 1, failed tests: 0)"), failed.getMessage());
    SiteFixture.marker(site(), 0, 1, false);
    assertThrows(PublishException.class, () -> SiteFixture.publisher(store, 0, new StringWriter()).publish(site(), 5, false));
    SiteFixture.marker(site(), 0, 0, true);
    assertTrue(assertThrows(PublishException.class, () -> SiteFixture.publisher(store, 0, new StringWriter()).publish(site(), 5, false))
        .getMessage().contains("drafts"));
    Files.delete(site().resolve(BuildMarker.FILE_NAME));
    assertTrue(assertThrows(PublishException.class, () -> SiteFixture.publisher(store, 0, new StringWriter()).publish(site(), 5, false))
        .getMessage().contains("run 'opsbook build'"));
    assertFalse(Files.exists(www().resolve("current"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void refusesToReplaceACurrentFolderThatIsNotALink() throws Exception {
    Files.createDirectories(www().resolve("current"));
    SiteFixture.write(site(), "v1");
    PublishException e = assertThrows(PublishException.class,
        () -> SiteFixture.publisher(new LocalReleaseStore(www()), 0, new StringWriter()).publish(site(), 5, false));
    assertTrue(e.getMessage().contains("is not a symbolic link"), e.getMessage());
  }

  @Test
  void twoPublishesInOneSecondGetDistinctReleases() throws Exception {
    LocalReleaseStore store = new LocalReleaseStore(www());
    SiteFixture.write(site(), "v1");
    SiteFixture.publisher(store, 0, new StringWriter()).publish(site(), 5, false);
    assertEquals("20260314090000-2", SiteFixture.publisher(store, 0, new StringWriter()).publish(site(), 5, false));
  }

  @Test
  void aReaderNeverFindsTheSiteMissingWhileCurrentIsSwitched() throws Exception {
    LocalReleaseStore store = new LocalReleaseStore(www());
    SiteFixture.write(site(), "v0");
    SiteFixture.publisher(store, 0, new StringWriter()).publish(site(), 3, false);
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicInteger reads = new AtomicInteger();
    Thread reader = new Thread(() -> {
      while (!done.get()) {
        try {
          String page = current();
          if (!page.contains("is served from the current release.</p>\n</main>")) {
            failure.set(new AssertionError("partial page: " + page));
          }
          reads.incrementAndGet();
        } catch (NoSuchFileException e) {
          failure.set(e);
        } catch (IOException e) {
          failure.set(e);
        }
      }
    });
    reader.start();
    for (int i = 1; i <= 25; i++) {
      SiteFixture.write(site(), "v" + i);
      SiteFixture.publisher(store, i, new StringWriter()).publish(site(), 3, false);
    }
    done.set(true);
    reader.join();
    assertEquals(null, failure.get());
    assertTrue(reads.get() > 25, "the reader ran alongside: " + reads.get() + " reads");
    assertTrue(current().contains("Home v25"));
  }

  private static Object inode(Path p) throws IOException {
    return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
  }
}

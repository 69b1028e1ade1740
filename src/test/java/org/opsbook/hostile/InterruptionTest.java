package org.opsbook.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interrupted work loses nothing, and the site is always readable, by a reader and by a web server. */
class InterruptionTest {
  @TempDir Path dir;
  private HostileProject p;

  @BeforeEach
  void project() throws Exception {
    p = HostileProject.create(dir.resolve("project"));
  }

  @Test
  void stagingFoldersOfKilledRunsAreCleanedUpAndThoseOfLiveRunsKept() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path killed = p.path(".site.tmp-" + gone.pid() + "-1-abc");
    Files.createDirectories(killed.resolve("articles"));
    Files.writeString(killed.resolve("articles/half.html"), "half a page");
    ProcessHandle self = ProcessHandle.current();
    long started = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    Path live = p.path(".site.tmp-" + self.pid() + "-" + started + "-xyz");
    Path reusedPid = p.path(".site.tmp-" + self.pid() + "-" + (started - 1) + "-old");
    Files.createDirectories(live);
    Files.createDirectories(reusedPid);
    p.run("build").expect(0);
    assertFalse(Files.exists(killed), "the killed run's staging folder is gone");
    assertFalse(Files.exists(reusedPid), "a pid now used by another process does not keep a folder alive");
    assertTrue(Files.exists(live), "a running build's staging folder is left alone");
  }

  @Test
  void theSiteIsNeverMissingWhileANewBuildIsSwappedIn() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<String> missing = new AtomicReference<>();
    long[] looks = new long[1];
    Thread reader = new Thread(() -> {
      while (!done.get() && missing.get() == null) {
        for (String page : List.of("site", "site/index.html", "site/articles/first/index.html", "site/404.html")) {
          if (!Files.exists(p.path(page))) {
            missing.set(page);
          }
        }
        looks[0]++;
      }
    });
    reader.start();
    try {
      for (int i = 0; i < 4; i++) {
        p.article("second", "Second " + i, "Edition " + i + ".\n");
        p.run("build").expect(0);
      }
    } finally {
      done.set(true);
      reader.join();
    }
    assertEquals(null, missing.get(), "missing during a swap, after " + looks[0] + " looks");
    assertTrue(looks[0] > 100, "the reader looked " + looks[0] + " times");
    assertTrue(Files.readString(p.path("site/articles/second/index.html")).contains("Edition 3"));
  }

  @Test
  void aRebuildLeavesUnchangedFilesInPlaceAndCanBePublished() throws Exception {
    Object rulePage = Files.readAttributes(p.path("site/rules/opsbook.symlink/index.html"), "unix:ino").get("ino");
    p.article("second", "Second", "Changed.\n");
    p.run("build").expect(0);
    assertEquals(rulePage, Files.readAttributes(p.path("site/rules/opsbook.symlink/index.html"), "unix:ino").get("ino"),
        "an unchanged page is the same file");
    assertTrue(Files.readString(p.path("site/articles/second/index.html")).contains("Changed."));
    p.run("publish", "--to", dir.resolve("www").toString()).expect(0);
  }

  @Test
  void aSwapKilledHalfwayCannotBePublishedAndTheNextBuildFinishesIt() throws Exception {
    // What a swap killed after moving some files leaves: no build marker, a manifest listing old and new files.
    Files.delete(p.path("site/.opsbook-build.json"));
    Files.writeString(p.path("site/articles/stale.html"), "from the old build");
    Files.writeString(p.path("site/.opsbook-files"), Files.readString(p.path("site/.opsbook-files")) + "articles/stale.html\n");
    p.run("publish", "--to", dir.resolve("www").toString()).expect(1, "has no .opsbook-build.json");
    assertFalse(Files.exists(dir.resolve("www/current")));
    p.run("build").expect(0);
    assertFalse(Files.exists(p.path("site/articles/stale.html")), "the next build removes what it no longer has");
    assertTrue(Files.exists(p.path("site/.opsbook-build.json")));
    p.run("publish", "--to", dir.resolve("www").toString()).expect(0);
  }

  @Test
  void siteFilesAndFoldersGetOrdinaryPermissionsWhateverTheSources() throws Exception {
    Path probe = Files.createFile(dir.resolve("umask-probe"));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        PosixFilePermissions.toString(Files.getPosixFilePermissions(probe)).equals("rw-r--r--"), "umask is not 022");
    p.write("content/articles/first/private.txt", "owner only\n").write("content/articles/first/tool.sh", "#!/bin/sh\n");
    Files.setPosixFilePermissions(p.path("content/articles/first/private.txt"), PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(p.path("content/articles/first/tool.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(p.path("site"), PosixFilePermissions.fromString("rwx------"));
    p.run("build").expect(0);
    List<String> wrong = new ArrayList<>();
    try (var walk = Files.walk(p.path("site"))) {
      for (Path f : walk.toList()) {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
        String want = Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--";
        if (!mode.equals(want)) {
          wrong.add(p.root().relativize(f) + " " + mode);
        }
      }
    }
    assertEquals(List.of(), wrong, "under umask 022");
    p.run("build", "-o", "fresh").expect(0);
    assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(p.path("fresh"))));
  }
}

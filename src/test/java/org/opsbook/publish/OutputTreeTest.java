package org.opsbook.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilding into an existing output folder: files whose bytes did not change stay as they are
 * (the same file, its modification time unchanged), and whatever happens to the folder between
 * the write and the swap, the swap leaves exactly the new build's bytes.
 */
class OutputTreeTest {
  private static final String PAGE = "articles/first/index.html";
  private static final String OTHER = "articles/second/index.html";

  @TempDir Path dir;
  private Path site;

  @BeforeEach
  void firstBuild() throws Exception {
    site = dir.resolve("site");
    try (OutputTree tree = OutputTree.create(site)) {
      tree.write(PAGE, "<p>first</p>");
      tree.write(OTHER, "<p>second</p>");
      tree.write("index.html", "<p>home</p>");
      tree.commit();
    }
    // An hour back, so that a file written again would show a new modification time.
    for (String path : List.of(PAGE, OTHER, "index.html")) {
      Files.setLastModifiedTime(site.resolve(path), FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    }
  }

  @Test
  void anUnchangedFileStaysTheSameFileAndAChangedOneIsReplaced() throws Exception {
    Object pageBefore = key(PAGE);
    FileTime pageTime = Files.getLastModifiedTime(site.resolve(PAGE));
    Object otherBefore = key(OTHER);
    try (OutputTree tree = OutputTree.create(site)) {
      tree.write(PAGE, "<p>first</p>");
      tree.write(OTHER, "<p>SECOND</p>"); // same size, other bytes
      tree.write("index.html", "<p>home, longer</p>");
      tree.commit();
      assertEquals(1, tree.unchangedCount());
    }
    assertEquals(pageBefore, key(PAGE), "the unchanged page is the same file");
    assertEquals(pageTime, Files.getLastModifiedTime(site.resolve(PAGE)));
    assertEquals(1, links(PAGE), "no link is left behind");
    assertNotEquals(otherBefore, key(OTHER));
    assertEquals("<p>SECOND</p>", Files.readString(site.resolve(OTHER)));
    assertEquals("<p>home, longer</p>", Files.readString(site.resolve("index.html")));
    assertEquals(List.of("site"), siblings(), "the staging folder is gone");
  }

  @Test
  void theBuildMarkerComesBackAfterEveryRebuild() throws Exception {
    for (int build = 0; build < 3; build++) {
      try (OutputTree tree = OutputTree.create(site)) {
        tree.write(PAGE, "<p>first</p>");
        tree.write(BuildMarker.FILE_NAME, "{\"passed\":true}");
        tree.commit();
      }
      assertEquals("{\"passed\":true}", Files.readString(site.resolve(BuildMarker.FILE_NAME)), "after build " + build);
    }
  }

  @Test
  void noSitePathCanTakeTheNameOfTheFolderOfLinks() throws Exception {
    try (OutputTree tree = OutputTree.create(site)) {
      assertThrows(IOException.class, () -> tree.write(UnchangedFiles.FOLDER + "/1", "x"));
      assertThrows(IOException.class, () -> tree.write(UnchangedFiles.FOLDER, "x"));
    }
  }

  @Test
  void aLargeFileIsComparedToItsLastByte() throws Exception {
    byte[] big = "<p>a long page</p>\n".repeat(20_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (OutputTree tree = OutputTree.create(site)) {
      tree.write("big.html", big);
      tree.commit();
    }
    try (OutputTree tree = OutputTree.create(site)) {
      tree.write("big.html", big);
      tree.commit();
      assertEquals(1, tree.unchangedCount());
    }
    byte[] changed = big.clone();
    changed[changed.length - 2] = '!';
    try (OutputTree tree = OutputTree.create(site)) {
      tree.write("big.html", changed);
      tree.commit();
      assertEquals(0, tree.unchangedCount());
    }
    assertEquals('!', Files.readAllBytes(site.resolve("big.html"))[big.length - 2]);
  }

  @Test
  void aFileWithOtherPermissionsOrASecondNameIsWrittenAnew() throws Exception {
    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(site.resolve(OTHER)));
    Assumptions.assumeFalse(mode.equals("rw-------"), "the umask gives new files no more than their owner may");
    Files.setPosixFilePermissions(site.resolve(PAGE), PosixFilePermissions.fromString("rw-------"));
    Path elsewhere = Files.createLink(dir.resolve("elsewhere"), site.resolve(OTHER));
    try (OutputTree tree = OutputTree.create(site)) {
      tree.write(PAGE, "<p>first</p>");
      tree.write(OTHER, "<p>second</p>");
      tree.write("index.html", "<p>home</p>");
      tree.commit();
      assertEquals(1, tree.unchangedCount(), "only index.html");
    }
    assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(site.resolve(PAGE))));
    assertEquals(1, links(OTHER));
    assertEquals("<p>second</p>", Files.readString(elsewhere), "the other name still has its bytes");
  }

  @Test
  void aFileReplacedBetweenTheWriteAndTheSwapEndsWithThisBuildsBytes() throws Exception {
    try (OutputTree tree = OutputTree.create(site)) {
      tree.write(PAGE, "<p>first</p>");
      // Another build, or a person, puts a different file there before this build swaps.
      Path other = dir.resolve("other.html");
      Files.writeString(other, "<p>other build</p>");
      Files.move(other, site.resolve(PAGE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tree.write(OTHER, "<p>second</p>");
      tree.write("index.html", "<p>home</p>");
      tree.commit();
    }
    assertEquals("<p>first</p>", Files.readString(site.resolve(PAGE)));
    assertEquals(1, links(PAGE));
  }

  @Test
  void twoBuildsIntoOneFolderEndWithTheBytesOfTheOneThatSwapsLast() throws Exception {
    try (OutputTree a = OutputTree.create(site); OutputTree b = OutputTree.create(site)) {
      a.write(PAGE, "<p>first</p>");
      b.write(PAGE, "<p>first</p>"); // a third name: b writes its own copy
      a.write(OTHER, "<p>A</p>");
      b.write(OTHER, "<p>B</p>");
      a.write("index.html", "<p>home</p>");
      b.write("index.html", "<p>home of b</p>");
      assertEquals(2, a.unchangedCount());
      assertEquals(0, b.unchangedCount());
      a.commit();
      assertEquals("<p>A</p>", Files.readString(site.resolve(OTHER)));
      b.commit();
    }
    assertEquals("<p>first</p>", Files.readString(site.resolve(PAGE)));
    assertEquals("<p>B</p>", Files.readString(site.resolve(OTHER)));
    assertEquals("<p>home of b</p>", Files.readString(site.resolve("index.html")));
    assertEquals(1, links(PAGE));
    assertEquals(List.of("site"), siblings());
  }

  @Test
  void anOutputFolderDeletedBeforeTheSwapComesBackWhole() throws Exception {
    try (OutputTree tree = OutputTree.create(site)) {
      tree.write(PAGE, "<p>first</p>");
      tree.write(OTHER, "<p>second</p>");
      FileTrees.delete(site);
      tree.write("index.html", "<p>home</p>");
      assertEquals(2, tree.unchangedCount(), "the first two were kept before the folder went");
      tree.commit();
    }
    assertEquals("<p>first</p>", Files.readString(site.resolve(PAGE)));
    assertEquals("<p>second</p>", Files.readString(site.resolve(OTHER)));
    assertEquals("<p>home</p>", Files.readString(site.resolve("index.html")));
  }

  @Test
  void aDiscardedBuildLeavesTheOldFilesAsTheyWere() throws Exception {
    Object before = key(PAGE);
    try (OutputTree tree = OutputTree.create(site)) {
      tree.write(PAGE, "<p>first</p>");
      tree.write(OTHER, "<p>changed</p>");
      tree.discard();
    }
    assertEquals(before, key(PAGE));
    assertEquals(1, links(PAGE));
    assertEquals("<p>second</p>", Files.readString(site.resolve(OTHER)));
    assertEquals(List.of("site"), siblings());
  }

  @Test
  void nothingIsReadOrLinkedThroughAFolderThatIsALink() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside/first"));
    Files.writeString(outside.resolve("index.html"), "<p>first</p>");
    FileTrees.delete(site.resolve("articles/first"));
    Files.createSymbolicLink(site.resolve("articles/first"), outside);
    try (OutputTree tree = OutputTree.create(site)) {
      tree.write(PAGE, "<p>first</p>");
      assertEquals(0, tree.unchangedCount());
      assertEquals(1, (Integer) Files.getAttribute(outside.resolve("index.html"), "unix:nlink"));
      tree.write(OTHER, "<p>second</p>");
      tree.commit();
    }
    assertFalse(Files.isSymbolicLink(site.resolve("articles/first")), "the swap puts a real folder there");
    assertEquals("<p>first</p>", Files.readString(site.resolve(PAGE)));
    assertEquals("<p>first</p>", Files.readString(outside.resolve("index.html")));
  }

  @Test
  void anUnchangedCopyIsKeptAndAChangedOneReplaced() throws Exception {
    Path logo = Files.write(dir.resolve("logo.png"), new byte[] {1, 2, 3, 4});
    try (OutputTree tree = OutputTree.create(site)) {
      tree.copy("img/logo.png", logo);
      tree.commit();
    }
    Object before = key("img/logo.png");
    try (OutputTree tree = OutputTree.create(site)) {
      tree.copy("img/logo.png", logo);
      tree.commit();
      assertEquals(1, tree.unchangedCount());
      assertEquals(4, tree.byteCount());
    }
    assertEquals(before, key("img/logo.png"));
    Files.write(logo, new byte[] {1, 2, 3, 5});
    try (OutputTree tree = OutputTree.create(site)) {
      tree.copy("img/logo.png", logo);
      tree.commit();
      assertEquals(0, tree.unchangedCount());
    }
    assertEquals(5, Files.readAllBytes(site.resolve("img/logo.png"))[3]);
  }

  @Test
  void theCompressedCopiesOfReplacedAndDeletedFilesGoAndThoseOfKeptFilesStay() throws Exception {
    // opsbook publish writes a .gz beside each text file; a web server with gzip_static serves it.
    for (String path : List.of(PAGE, OTHER, "index.html")) {
      Files.writeString(site.resolve(path + ".gz"), "compressed " + Files.readString(site.resolve(path)));
    }
    try (OutputTree tree = OutputTree.create(site)) {
      tree.write(PAGE, "<p>first</p>");
      tree.write("index.html", "<p>home, new</p>");
      tree.commit();
    }
    assertTrue(Files.exists(site.resolve(PAGE + ".gz")), "the copy of an unchanged file is still right");
    assertFalse(Files.exists(site.resolve("index.html.gz")), "the copy of the old home page would be served");
    assertFalse(Files.exists(site.resolve(OTHER + ".gz")), "the copy of a deleted page would be served");
    assertFalse(Files.exists(site.resolve(OTHER).getParent()), "its folder went with it");
  }

  private Object key(String path) throws Exception {
    return Files.readAttributes(site.resolve(path), "unix:ino,dev", LinkOption.NOFOLLOW_LINKS).entrySet().stream()
        .sorted(Map.Entry.comparingByKey()).toList();
  }

  private int links(String path) throws Exception {
    return (Integer) Files.getAttribute(site.resolve(path), "unix:nlink", LinkOption.NOFOLLOW_LINKS);
  }

  private List<String> siblings() throws Exception {
    try (var list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("elsewhere") && !n.equals("outside")
          && !n.endsWith(".png")).sorted().toList();
    }
  }
}

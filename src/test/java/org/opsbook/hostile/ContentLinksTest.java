package org.opsbook.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing from outside the project reaches the site: a symbolic link in content/ (which git checks
 * out as a link) that leads out of it is an error at that path, and nothing is read through it.
 */
class ContentLinksTest {
  @TempDir Path dir;
  private HostileProject p;

  @BeforeEach
  void project() throws Exception {
    p = HostileProject.create(dir.resolve("project"));
  }

  @Test
  void aLinkToEtcPasswdIsAnErrorAndNothingIsCopied() throws Exception {
    Files.createSymbolicLink(p.path("content/passwd.txt"), Path.of("/etc/passwd"));
    p.remember();
    p.run("build").expect(1, "content/passwd.txt:1:1: error: is a symbolic link to /etc/passwd, outside the content"
        + " folder; nothing is read through it [opsbook.symlink]");
    p.assertUntouched();
    p.run("build", "--report-only", "-o", "adopted").expect(0);
    assertFalse(Files.exists(p.path("adopted/passwd.txt")));
    assertFalse(HostileProject.allText(p.path("adopted")).contains("root:x:0:0"));
  }

  @Test
  void aLinkToTheJobsEnvironmentIsAnErrorAndNoSecretIsPublished() throws Exception {
    Files.createSymbolicLink(p.path("content/articles/first/env.txt"), Path.of("/proc/self/environ"));
    p.remember();
    p.run("build").expect(1, "content/articles/first/env.txt:1:1: error: is a symbolic link to /proc/", "[opsbook.symlink]");
    p.assertUntouched();
    p.run("build", "--report-only", "-o", "adopted").expect(0);
    String published = HostileProject.allText(p.path("adopted"));
    String path = System.getenv("PATH");
    assertFalse(path != null && published.contains("PATH=" + path), "the environment reached the site");
  }

  @Test
  void aLinkToAFolderOutsideIsAnErrorAndItsFilesStayOut() throws Exception {
    Files.createDirectories(dir.resolve("private"));
    Files.writeString(dir.resolve("private/key.md"), "---\ntitle: Key\n---\nsecret-token-1234\n");
    Files.createSymbolicLink(p.path("content/imported"), dir.resolve("private"));
    p.remember();
    p.run("check").expect(1, "content/imported:1:1: error: is a symbolic link to " + dir.resolve("private").toRealPath());
    p.assertProjectUnchanged();
    p.run("build", "--report-only", "-o", "adopted").expect(0);
    assertFalse(HostileProject.allText(p.path("adopted")).contains("secret-token-1234"));
  }

  @Test
  void anOpsbookYamlThatLinksOutIsNotRead() throws Exception {
    Files.delete(p.path("opsbook.yaml"));
    Files.createSymbolicLink(p.path("opsbook.yaml"), Path.of("/proc/self/environ"));
    p.remember();
    p.run("build").expect(2, "opsbook.yaml:1:1: error: load: is a symbolic link to /proc/", "it is not read [opsbook.symlink]");
    p.assertUntouched();
  }

  @Test
  void aThemeFileThatLinksOutIsNotPublished() throws Exception {
    Files.createDirectories(p.path("layouts/static"));
    Files.createSymbolicLink(p.path("layouts/static/env.txt"), Path.of("/proc/self/environ"));
    p.remember();
    p.run("build").expect(2, "static file env.txt of ", "is a symbolic link to /proc/", "it is not published");
    p.assertUntouched();
  }

  @Test
  void loopsAndBrokenLinksAreErrorsAtTheLink() throws Exception {
    Files.createSymbolicLink(p.path("content/articles/first/loop"), Path.of(".."));
    Files.createSymbolicLink(p.path("content/gone.png"), Path.of("nowhere.png"));
    p.run("check").expect(1, "content/articles/first/loop:1:1: error: is a symbolic link to a folder that contains it",
        "content/gone.png:1:1: error: is a symbolic link to nowhere.png, which does not exist");
  }

  @Test
  void aLinkThatStaysInsideTheContentIsFollowed() throws Exception {
    p.write("content/files/shared.txt", "shared text\n");
    Files.createSymbolicLink(p.path("content/articles/first/shared.txt"), Path.of("../../files/shared.txt"));
    p.run("build").expect(0);
    assertTrue(Files.readString(p.path("site/articles/first/shared.txt")).contains("shared text"));
    assertFalse(Files.isSymbolicLink(p.path("site/articles/first/shared.txt")), "published as a file");
  }

  @Test
  void publishRefusesASiteWithALinkThatLeadsOut() throws Exception {
    Files.createSymbolicLink(p.path("site/pw.txt"), Path.of("/etc/passwd"));
    Path www = dir.resolve("www");
    p.run("publish", "--to", www.toString()).expect(1, "pw.txt is a symbolic link to /etc/passwd, outside the site",
        "nothing was uploaded");
    assertFalse(Files.exists(www.resolve("current")));
    try (var walk = Files.walk(dir)) {
      assertFalse(walk.anyMatch(f -> f.getFileName().toString().equals("pw.txt.gz")), "nothing was compressed through it");
    }
  }
}

package org.opsbook.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.publish.FileTrees;

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
    p.run("build").expect(2, "opsbook.yaml:1:1: error: load: is a symbolic link to /proc/",
        "outside the project; nothing is read through it [opsbook.symlink]");
    p.assertUntouched();
    p.run("maintenance", "upgrade", "--out", "m").expect(2, "opsbook.yaml:1:1: error: is a symbolic link to /proc/");
    assertFalse(Files.exists(p.path("m")));
  }

  /** A pull request can replace content/ itself by a link; the build must not publish what it leads to. */
  @Test
  void aContentFolderThatLinksOutIsNotRead() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/articles/x"));
    Files.writeString(elsewhere.resolve("index.md"), "---\ntitle: X\ndate: 2026-01-01\n---\n\nText.\n");
    Files.writeString(dir.resolve("elsewhere/token.env"), "TOKEN=secret-token-5678\n");
    Files.createDirectories(dir.resolve("elsewhere/maintenance"));
    Files.writeString(dir.resolve("elsewhere/maintenance/upgrade.md"), "---\ntitle: Up\n---\nsecret-token-5678\n");
    FileTrees.delete(p.path("content"));
    Files.createSymbolicLink(p.path("content"), dir.resolve("elsewhere"));
    p.remember();
    String said = "content:1:1: error: load: is a symbolic link to " + dir.resolve("elsewhere").toRealPath()
        + ", outside the project; nothing is read through it [opsbook.symlink]";
    p.run("build").expect(2, said, "name that folder itself with --source");
    p.run("build", "--report-only", "-o", "adopted").expect(2, said);
    assertFalse(Files.exists(p.path("adopted")));
    p.run("check").expect(2, said);
    p.run("maintenance", "upgrade", "--out", "m").expect(2, "content:1:1: error: is a symbolic link to ");
    assertFalse(Files.exists(p.path("m")));
    p.assertUntouched();
    // Named on the command line, the same folder is the operator's choice, as --config is.
    p.run("build", "--source", dir.resolve("elsewhere").toString(), "-o", "chosen").expect(0);
    assertTrue(Files.exists(p.path("chosen/articles/x/index.html")));
  }

  @Test
  void aMaintenancePageThatLinksOutIsNotRead() throws Exception {
    Files.writeString(dir.resolve("page.md"), "---\ntitle: Up\n---\nsecret-token-9012\n");
    Files.createDirectories(p.path("content/maintenance"));
    Files.createSymbolicLink(p.path("content/maintenance/upgrade.md"), dir.resolve("page.md"));
    p.run("maintenance", "upgrade", "--out", "m").expect(1,
        "content/maintenance/upgrade.md:1:1: error: is a symbolic link to " + dir.resolve("page.md").toRealPath()
            + ", outside the content folder; nothing is read through it [opsbook.symlink]");
    assertFalse(Files.exists(p.path("m/index.html")));
    p.run("build").expect(1, "content/maintenance/upgrade.md:1:1: error: is a symbolic link to ");
  }

  @Test
  void aThemeFolderThatLinksOutIsNotRead() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("theme/static"));
    Files.createDirectories(dir.resolve("theme/templates"));
    Files.writeString(elsewhere.resolve("token.env"), "TOKEN=secret-token-3456\n");
    Files.createDirectories(p.path("themes"));
    Files.createSymbolicLink(p.path("themes/borrowed"), dir.resolve("theme"));
    p.write("opsbook.yaml", Files.readString(p.path("opsbook.yaml")) + "theme: borrowed\n");
    p.remember();
    p.run("build").expect(2, "themes/borrowed:1:1: error: load: is a symbolic link to " + dir.resolve("theme").toRealPath()
        + ", outside the project; nothing is read through it [opsbook.symlink]", "copy what the theme needs into the project");
    p.run("build", "--report-only", "-o", "adopted").expect(2, "themes/borrowed:1:1: error: load:");
    assertFalse(Files.exists(p.path("adopted")));
    p.run("maintenance", "upgrade", "--out", "m").expect(2, "themes/borrowed:1:1: error: is a symbolic link to ");
    p.assertUntouched();
  }

  @Test
  void aTemplateOrLayoutsFolderThatLinksOutIsNotRead() throws Exception {
    Files.writeString(dir.resolve("partial.peb"), "secret-token-7890");
    Files.createDirectories(p.path("layouts/partials"));
    Files.createSymbolicLink(p.path("layouts/partials/footer.peb"), dir.resolve("partial.peb"));
    refusedAt("layouts/partials/footer.peb");
    FileTrees.delete(p.path("layouts"));
    Files.createDirectories(dir.resolve("mine/static"));
    Files.writeString(dir.resolve("mine/static/token.env"), "TOKEN=secret-token-7890\n");
    Files.createSymbolicLink(p.path("layouts"), dir.resolve("mine"));
    refusedAt("layouts");
    // Two hops: a link that stays in the project, to a folder holding a link that does not.
    Files.delete(p.path("layouts"));
    Files.createDirectories(p.path("layouts"));
    Files.createDirectories(p.path("notes"));
    Files.createSymbolicLink(p.path("notes/footer.peb"), dir.resolve("partial.peb"));
    Files.createSymbolicLink(p.path("layouts/partials"), Path.of("../notes"));
    refusedAt("layouts/partials/footer.peb");
  }

  /** The build, as the project is now, is refused at a link out of it and changes nothing. */
  private void refusedAt(String link) throws Exception {
    p.remember();
    p.run("build").expect(2, link + ":1:1: error: load: is a symbolic link to ", "[opsbook.symlink]");
    p.assertUntouched();
  }

  @Test
  void aThemeFileThatLinksOutIsNotPublished() throws Exception {
    Files.createDirectories(p.path("layouts/static"));
    Files.createSymbolicLink(p.path("layouts/static/env.txt"), Path.of("/proc/self/environ"));
    p.remember();
    p.run("build").expect(2, "layouts/static/env.txt:1:1: error: load: is a symbolic link to /proc/",
        "outside the project; nothing is read through it [opsbook.symlink]");
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

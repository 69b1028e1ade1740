package org.opsbook.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code build -o}, {@code publish --to} and {@code maintenance --out} never point opsbook at a
 * folder it would destroy: every refusal is exit 2 with a reason, before anything is touched.
 */
class OutputFolderTest {
  @TempDir Path dir;
  private HostileProject p;

  @BeforeEach
  void project() throws Exception {
    p = HostileProject.create(dir.resolve("project"));
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "./", "..", "../..", "/", "content", "content/articles", "themes", "layouts", ".git",
      ".git/objects"})
  void buildRefusesTheProjectItsParentsAndItsOwnFolders(String output) throws Exception {
    p.run("build", "-o", output).expect(2, "refusing to write the site to '", "hint: ");
    p.assertUntouched();
  }

  @Test
  void buildRefusesEmptyTextAsAnUnsetVariableGivesIt() throws Exception {
    p.run("build", "-o", "").expect(2, "the folder is empty text, which is what an unset variable gives");
    p.run("build", "-o", " ").expect(2, "empty text");
    p.assertUntouched();
  }

  @Test
  void buildRefusesARegularFile() throws Exception {
    p.write("notes.txt", "my notes\n");
    p.remember();
    p.run("build", "-o", "notes.txt").expect(2, "it is a file, not a folder");
    p.assertUntouched();
  }

  @Test
  void buildRefusesAFolderHoldingFilesItDidNotWrite() throws Exception {
    p.write("www/index.html", "<h1>someone else's site</h1>\n").write("www/keep/me.txt", "x\n");
    p.remember();
    p.run("build", "-o", "www").expect(2, "refusing to replace 'www': it holds files that opsbook did not write",
        "index.html", "keep");
    p.assertUntouched();
  }

  @Test
  void buildRefusesItsOwnSiteOnceSomeoneAddedAFileOrALinkToIt() throws Exception {
    p.write("site/CNAME", "docs.example.org\n");
    p.remember();
    p.run("build").expect(2, "refusing to replace 'site'", "CNAME");
    p.assertUntouched();
    Files.delete(p.path("site/CNAME"));
    Files.createSymbolicLink(p.path("site/secrets"), Path.of("/etc/passwd"));
    p.remember();
    p.run("build").expect(2, "secrets (a symbolic link)");
    p.assertUntouched();
  }

  @Test
  void buildRefusesALinkToTheProjectOrToAnyFolder() throws Exception {
    Files.createSymbolicLink(p.path("out"), Path.of("."));
    Files.createSymbolicLink(p.path("elsewhere"), dir);
    p.remember();
    p.run("build", "-o", "out").expect(2, "refusing to write the site to 'out': it is the project folder");
    p.run("build", "-o", "elsewhere").expect(2, "a folder above the project");
    Files.createDirectories(dir.resolve("empty"));
    Files.createSymbolicLink(p.path("linked"), dir.resolve("empty"));
    p.remember();
    p.run("build", "-o", "linked").expect(2, "it is a symbolic link");
    p.assertUntouched();
  }

  @Test
  void buildRefusesAFolderHoldingTheConfiguration() throws Exception {
    p.write("conf/opsbook.yaml", "title: Elsewhere\n");
    p.remember();
    p.run("build", "--config", "conf/opsbook.yaml", "-o", "conf").expect(2, "it holds the configuration file");
    p.assertUntouched();
  }

  @Test
  void buildReplacesItsOwnSiteAndAnEmptyOrNewFolder() throws Exception {
    p.article("third", "Third", "Added later.\n");
    p.run("build").expect(0);
    assertTrue(Files.isRegularFile(p.path("site/articles/third/index.html")));
    Files.createDirectories(p.path("empty"));
    p.run("build", "-o", "empty").expect(0);
    p.run("build", "-o", "new/site").expect(0);
    assertTrue(Files.isRegularFile(p.path("new/site/index.html")));
    p.run("build", "-o", "new/site").expect(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "..", "content", "site", "site/www", ".git"})
  void publishRefusesTheProjectItsFoldersAndTheSiteItself(String to) throws Exception {
    p.run("publish", "--to", to).expect(2, "refusing to publish to '" + to + "'");
    p.assertUntouched();
  }

  @Test
  void publishRefusesEmptyTextAFileAndAForeignFolder() throws Exception {
    p.run("publish", "--to", "").expect(2, "--to is empty");
    p.write("notes.txt", "x\n").write("www/html/index.html", "<h1>It works!</h1>\n");
    p.remember();
    p.run("publish", "--to", "notes.txt").expect(2, "it is a file, not a folder");
    p.run("publish", "--to", "www/html").expect(2, "it holds files that opsbook publish did not put there (index.html)");
    p.assertUntouched();
  }

  @Test
  void publishGoesIntoAnEmptyFolderWithOrdinaryPermissions() throws Exception {
    Path www = dir.resolve("www");
    p.run("publish", "--to", www.toString()).expect(0, "published release ");
    Path current = www.resolve("current").toRealPath();
    assertEquals("rwxr-xr-x", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(current)));
    assertEquals("rw-r--r--",
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(current.resolve("index.html"))));
    assertFalse(Files.exists(current.resolve(".opsbook-files")), "bookkeeping is not published");
  }

  @Test
  void maintenanceRefusesToWriteIntoTheProjectOrWithAPathAsName() throws Exception {
    p.write("content/maintenance/upgrade.md", "---\ntitle: Upgrading\nmessage: Back soon.\n---\n");
    p.remember();
    p.run("maintenance", "upgrade", "--out", ".").expect(2, "refusing to write to '.'");
    p.run("maintenance", "../../etc/passwd", "--out", "out").expect(2, "is not a page name");
    p.assertUntouched();
  }
}

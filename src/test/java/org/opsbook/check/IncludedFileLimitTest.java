package org.opsbook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.checker.apache.ApacheChecker;
import org.opsbook.checker.nginx.NginxChecker;
import org.opsbook.checker.sshd.SshdChecker;
import org.opsbook.diag.Diagnostic;
import org.opsbook.testing.HostTree;

/**
 * On a disk, at most {@link DiskFiles#MATCH_LIMIT} files of one pattern are read. Every checker
 * that follows includes on a disk must then say that the files after them went unchecked, and
 * must not say so when all of them were read.
 */
class IncludedFileLimitTest {
  @TempDir
  Path root;

  private void write(String path, String text) throws IOException {
    HostTree.write(root, path, text);
  }

  private void writeMany(String folder, int count, String text) throws IOException {
    for (int i = 0; i < count; i++) {
      write(String.format("%s/%04d.conf", folder, i), text);
    }
  }

  @Test
  void diskFilesReadsUpToTheLimitAndSaysWhenItMayHaveLeftFilesOut() throws IOException {
    DiskFiles disk = new DiskFiles(root, "sshd_config");
    writeMany("/many", DiskFiles.MATCH_LIMIT + 6, "x\n");
    List<Snippet> many = disk.matching("/many/*.conf");
    assertEquals(DiskFiles.MATCH_LIMIT, many.size());
    assertTrue(disk.mayLeaveOut(many));

    // Files that cannot be read (here: links to a file over the size limit) do not count.
    write("/big/huge.conf", "#".repeat(5 * 1024 * 1024));
    writeMany("/some", DiskFiles.MATCH_LIMIT - 4, "x\n");
    for (int i = 0; i < 10; i++) {
      Files.createSymbolicLink(root.resolve(String.format("some/link-%d.conf", i)), root.resolve("big/huge.conf"));
    }
    List<Snippet> some = disk.matching("/some/*.conf");
    assertEquals(DiskFiles.MATCH_LIMIT - 4, some.size());
    assertFalse(disk.mayLeaveOut(some), "every readable file was read");
    assertFalse(IncludedFiles.NONE.mayLeaveOut(some));
  }

  private static List<String> limitFindings(List<Diagnostic> diagnostics) {
    return diagnostics.stream().filter(d -> d.message().contains("files or more"))
        .map(d -> d.where() + " " + d.rule().value()).toList();
  }

  @Test
  void sshdSaysWhenAnIncludeMatchedMoreFilesThanAreRead() throws IOException {
    writeMany("/etc/ssh/sshd_config.d", DiskFiles.MATCH_LIMIT + 1, "MaxAuthTries 3\n");
    CheckContext disk = CheckContext.empty().withFiles(new DiskFiles(root, "sshd_config"));
    Snippet main = Snippet.ofFile("sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\n", "/etc/ssh/sshd_config");
    assertEquals(List.of("/etc/ssh/sshd_config:1:9 sshd.include-not-followed"),
        limitFindings(new SshdChecker().check(main, disk)));

    Files.delete(root.resolve("etc/ssh/sshd_config.d/0000.conf"));
    Files.delete(root.resolve("etc/ssh/sshd_config.d/0001.conf"));
    assertEquals(List.of(), limitFindings(new SshdChecker().check(main, disk)));
  }

  @Test
  void nginxSaysWhenAnIncludeMatchedMoreFilesThanAreRead() throws IOException {
    String main = "events {}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n";
    writeMany("/etc/nginx/conf.d", DiskFiles.MATCH_LIMIT, "# nothing\n");
    CheckContext disk = CheckContext.empty().withFiles(new DiskFiles(root, "nginx"));
    Snippet snippet = Snippet.ofFile("nginx", main, "/etc/nginx/nginx.conf");
    assertEquals(List.of("/etc/nginx/nginx.conf:3:5 nginx.include"), limitFindings(new NginxChecker().check(snippet, disk)));

    Files.delete(root.resolve("etc/nginx/conf.d/0000.conf"));
    assertEquals(List.of(), limitFindings(new NginxChecker().check(snippet, disk)));
  }

  @Test
  void apacheSaysWhenAFolderItIncludesHasMoreFilesThanAreRead() throws IOException {
    // Include of a folder reads the files below it, folder by folder: the limit is per folder.
    writeMany("/etc/apache2/conf.d/a", DiskFiles.MATCH_LIMIT - 1, "# nothing\n");
    writeMany("/etc/apache2/conf.d/b", 2, "# nothing\n");
    String main = "ServerName www.example.org\nInclude /etc/apache2/conf.d\n";
    CheckContext disk = CheckContext.empty().withFiles(new DiskFiles(root, "apache"));
    Snippet snippet = Snippet.ofFile("apache", main, "/etc/apache2/apache2.conf");
    assertEquals(List.of(), limitFindings(new ApacheChecker().check(snippet, disk)),
        "more than the limit in all, but no folder over it");

    write("/etc/apache2/conf.d/a/zzzz.conf", "# nothing\n");
    assertEquals(List.of("/etc/apache2/apache2.conf:2:1 apache.include-unchecked"),
        limitFindings(new ApacheChecker().check(snippet, disk)));
  }
}

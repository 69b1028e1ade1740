package org.opsbook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.testing.HostTree;

class DiskFilesTest {
  @TempDir
  Path root;

  private void write(String path, String text) throws IOException {
    HostTree.write(root, path, text);
  }

  private List<String> paths(String pattern) {
    return new DiskFiles(root, "sshd_config").matching(pattern).stream().map(s -> s.origin().file()).toList();
  }

  @Test
  void expandsPatternsAsGlobDoesAndSortsByBytes() throws IOException {
    write("/etc/ssh/sshd_config.d/2-b.conf", "x");
    write("/etc/ssh/sshd_config.d/10-a.conf", "x");
    write("/etc/ssh/sshd_config.d/B.conf", "x");
    write("/etc/ssh/sshd_config.d/.hidden.conf", "x");
    write("/etc/ssh/sshd_config.d/notes.txt", "x");
    assertEquals(List.of("/etc/ssh/sshd_config.d/10-a.conf", "/etc/ssh/sshd_config.d/2-b.conf",
        "/etc/ssh/sshd_config.d/B.conf"), paths("/etc/ssh/sshd_config.d/*.conf"));
    assertEquals(List.of("/etc/ssh/sshd_config.d/.hidden.conf"), paths("/etc/ssh/sshd_config.d/.*.conf"));
    assertEquals(List.of("/etc/ssh/sshd_config.d/10-a.conf"), paths("/etc/ssh/*/1[0-9]-?.conf"));
  }

  @Test
  void aFileComesBackAsASnippetNamedByItsPathWithAFinalNewline() throws IOException {
    write("/etc/ssh/a.conf", "Port 22");
    Snippet s = new DiskFiles(root, "sshd_config").matching("/etc/ssh/a.conf").get(0);
    assertEquals("Port 22\n", s.text());
    assertEquals("sshd_config", s.language());
    assertEquals("/etc/ssh/a.conf", s.fence().file());
    assertEquals("/etc/ssh/a.conf", s.attribute("file").orElseThrow());
  }

  @Test
  void devicesAndHugeFilesAreLeftOut() throws IOException {
    write("/etc/ssh/big.conf", "#".repeat(5 * 1024 * 1024));
    assertEquals(List.of(), paths("/etc/ssh/big.conf"));
    assertEquals(List.of(), DiskFiles.host("sshd_config").matching("/dev/zero"));
  }

  @Test
  void aDirectoryReadsEmptyAndNothingAboveTheRootIsRead() throws IOException {
    write("/etc/ssh/sshd_config.d/x.conf", "x");
    assertEquals("", new DiskFiles(root, "sshd_config").matching("/etc/ssh/sshd_config.d").get(0).text());
    assertEquals(List.of(), paths("/../../../etc/passwd"), "the root stands for /: nothing is above it");
    assertEquals(List.of(), paths("relative/path"));
    assertTrue(new DiskFiles(root, "sshd_config").isWholeTree());
  }
}

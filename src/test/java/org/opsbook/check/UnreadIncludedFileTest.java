package org.opsbook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.checker.apache.ApacheChecker;
import org.opsbook.checker.haproxy.HaproxyChecker;
import org.opsbook.checker.nginx.NginxChecker;
import org.opsbook.checker.sshd.SshdChecker;
import org.opsbook.diag.Diagnostic;
import org.opsbook.testing.HostTree;

/**
 * A file that an include matches but opsbook cannot read (on a host: one only root may read; here
 * mostly one over the size limit, since tests may run as root)
 * is there for the daemon, which starts as root. Every checker must then say that the file went
 * unchecked, must not call it missing, and must not draw whole-configuration conclusions, or
 * answer tests and queries, from a model that lacks its settings.
 */
class UnreadIncludedFileTest {
  private static final String TOO_LARGE = "#".repeat(5 * 1024 * 1024) + "\n";

  @TempDir
  Path root;

  private void write(String path, String text) throws IOException {
    HostTree.write(root, path, text);
  }

  private static List<String> rules(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(d -> d.where().line() + ":" + d.where().column() + " " + d.rule().value()).toList();
  }

  @Test
  void diskFilesNamesWhatItCouldNotReadAndWhy() throws IOException {
    write("/etc/ssh/sshd_config.d/10-small.conf", "MaxAuthTries 3\n");
    write("/etc/ssh/sshd_config.d/20-large.conf", "PasswordAuthentication no\n" + TOO_LARGE);
    DiskFiles disk = new DiskFiles(root, "sshd_config");
    assertEquals(1, disk.matching("/etc/ssh/sshd_config.d/*.conf").size());
    assertEquals(List.of(new IncludedFiles.Unread("/etc/ssh/sshd_config.d/20-large.conf", "is larger than 4 MiB")),
        disk.unread("/etc/ssh/sshd_config.d/*.conf"));
    assertEquals(List.of(), disk.unread("/etc/ssh/sshd_config.d/10-small.conf"));
    assertEquals(List.of(), disk.unread("/etc/ssh/nothing-here.conf"));
    assertEquals(List.of(), IncludedFiles.NONE.unread("/etc/ssh/sshd_config.d/*.conf"));
  }

  @Test
  void aFileOrFolderOnlyRootMayReadIsNamedWithItsReason() throws IOException {
    assumeFalse("root".equals(System.getProperty("user.name")), "root reads any file");
    write("/etc/ssh/sshd_config.d/50-cloud-init.conf", "PasswordAuthentication no\n");
    Path file = root.resolve("etc/ssh/sshd_config.d/50-cloud-init.conf");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    DiskFiles disk = new DiskFiles(root, "sshd_config");
    assertEquals(List.of(new IncludedFiles.Unread("/etc/ssh/sshd_config.d/50-cloud-init.conf",
        "cannot be read (permission denied)")), disk.unread("/etc/ssh/sshd_config.d/*.conf"));

    // A folder that cannot be listed, or searched: glob(3) skips it without a word, as root need not.
    Path folder = root.resolve("etc/ssh/sshd_config.d");
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("-wx------"));
    assertEquals(List.of(new IncludedFiles.Unread("/etc/ssh/sshd_config.d",
        "is a folder that cannot be listed (permission denied)")), disk.unread("/etc/ssh/sshd_config.d/*.conf"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rw-------"));
    assertEquals(List.of(new IncludedFiles.Unread("/etc/ssh/sshd_config.d/50-cloud-init.conf",
        "cannot be looked at (permission denied on a folder above it)")),
        disk.unread("/etc/ssh/sshd_config.d/50-cloud-init.conf"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void sshdNamesTheUnreadFileAndNeitherCallsItMissingNorASettingUnset() throws IOException {
    write("/etc/ssh/sshd_config.d/50-cloud-init.conf", "PasswordAuthentication no\n" + TOO_LARGE);
    CheckContext disk = CheckContext.empty().withFiles(new DiskFiles(root, "sshd_config"));
    SshdChecker sshd = new SshdChecker();
    for (String include : List.of("/etc/ssh/sshd_config.d/*.conf", "/etc/ssh/sshd_config.d/50-cloud-init.conf")) {
      Snippet main = Snippet.ofFile("sshd_config", "Include " + include + "\nPermitRootLogin no\n",
          "/etc/ssh/sshd_config");
      List<Diagnostic> found = sshd.check(main, disk);
      assertEquals(List.of("1:9 sshd.include-not-followed"), rules(found), include);
      assertTrue(found.get(0).message().contains("/etc/ssh/sshd_config.d/50-cloud-init.conf is larger than 4 MiB"),
          found.get(0).message());

      QueryResult query = sshd.query(main, "user=alice,host=c,addr=192.0.2.7,laddr=192.0.2.1,lport=22", disk);
      assertTrue(query.hasErrors(), "a query answered without the drop-in would say passwords are accepted");
      assertTrue(query.diagnostics().get(0).message().contains("50-cloud-init.conf"), query.diagnostics().toString());
    }

    // The same file, readable, is read: its setting counts and nothing is reported.
    write("/etc/ssh/sshd_config.d/50-cloud-init.conf", "PasswordAuthentication no\n");
    Snippet main = Snippet.ofFile("sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin no\n"
        + "AllowUsers ops\n", "/etc/ssh/sshd_config");
    assertEquals(List.of(), rules(sshd.check(main, disk)));
  }

  @Test
  void nginxNamesTheUnreadFileAndDoesNotCallItMissing() throws IOException {
    write("/etc/nginx/events.conf", "events {}\n" + TOO_LARGE);
    CheckContext disk = CheckContext.empty().withFiles(new DiskFiles(root, "nginx"));
    Snippet main = Snippet.ofFile("nginx", "include /etc/nginx/events.conf;\nhttp {\n    server_tokens off;\n}\n",
        "/etc/nginx/nginx.conf");
    List<Diagnostic> found = new NginxChecker().check(main, disk);
    // Without the file, nginx.missing-events would claim that the configuration has no events block.
    assertEquals(List.of("1:1 nginx.include"), rules(found));
    assertTrue(found.get(0).message().contains("/etc/nginx/events.conf is larger than 4 MiB"), found.get(0).message());
    assertFalse(found.get(0).message().contains("No such file"), found.get(0).message());
  }

  @Test
  void apacheNamesTheUnreadFileAndDoesNotStopAsHttpdWouldForAMissingOne() throws IOException {
    write("/etc/apache2/conf-enabled/security.conf", "ServerTokens Prod\n" + TOO_LARGE);
    CheckContext disk = CheckContext.empty().withFiles(new DiskFiles(root, "apache"));
    for (String include : List.of("Include /etc/apache2/conf-enabled/security.conf", "Include /etc/apache2/conf-enabled",
        "IncludeOptional /etc/apache2/conf-enabled/*.conf")) {
      Snippet main = Snippet.ofFile("apache", "ServerName www.example.org\n" + include + "\n",
          "/etc/apache2/apache2.conf");
      List<Diagnostic> found = new ApacheChecker().check(main, disk);
      assertEquals(List.of("2:1 apache.include-unchecked"), rules(found), include);
      assertTrue(found.get(0).message().contains("/etc/apache2/conf-enabled/security.conf is larger than 4 MiB"),
          found.get(0).message());
      QueryResult query = new ApacheChecker().query(main, "GET http://www.example.org/", disk);
      assertTrue(query.hasErrors(), include + ": a request answered without the included file");
    }
  }

  @Test
  void haproxyCountsAnUnreadCertificateAsPresentAndSaysItWasNotRead() throws IOException {
    write("/etc/haproxy/certs/site.pem", TOO_LARGE);
    CheckContext disk = CheckContext.empty().withFiles(new DiskFiles(root, "haproxy"));
    String config = """
        defaults
            mode http
            timeout client 30s
            timeout connect 5s
            timeout server 30s

        frontend web
            bind :443 ssl crt /etc/haproxy/certs/site.pem
            default_backend app

        backend app
            server app1 192.0.2.10:8080
        """;
    Snippet main = Snippet.ofFile("haproxy", config, "/etc/haproxy/haproxy.cfg");
    List<Diagnostic> found = new HaproxyChecker().check(main, disk);
    assertEquals(List.of("1:1 haproxy.file-unread"), rules(found));
    assertTrue(found.get(0).message().contains("/etc/haproxy/certs/site.pem is larger than 4 MiB"),
        found.get(0).message());

    Files.delete(root.resolve("etc/haproxy/certs/site.pem"));
    assertEquals(List.of("8:23 haproxy.missing-file"), rules(new HaproxyChecker().check(main, disk)),
        "a file that is not there is still missing");
  }
}

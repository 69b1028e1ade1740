package org.opsbook.checker.sshd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckContext;
import org.opsbook.check.DiskFiles;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.diag.Diagnostic;
import org.opsbook.snippet.TestBlockParser;
import org.opsbook.testing.HostTree;

/**
 * Include as sshd reads it, on constructed /etc trees: the checker reads the tree's files through
 * {@link DiskFiles}, as {@code opsbook lint} and {@code query} read the host's.
 */
class SshdIncludeTest {
  private static final String SPEC = "user=alice,host=client.example,addr=192.0.2.7,laddr=192.0.2.1,lport=22";
  private final SshdChecker checker = new SshdChecker();

  @TempDir
  Path root;

  private void write(String path, String text) throws IOException {
    HostTree.write(root, path, text);
  }

  private CheckContext disk() {
    return CheckContext.empty().withFiles(new DiskFiles(root, "sshd_config"));
  }

  private Snippet main() throws IOException {
    String text = Files.readString(root.resolve("etc/ssh/sshd_config"), StandardCharsets.UTF_8);
    return Snippet.ofFile("sshd_config", text, "/etc/ssh/sshd_config");
  }

  private List<String> findings() throws IOException {
    return checker.check(main(), disk()).stream()
        .filter(d -> !d.rule().value().equals("sshd.missing-access-list")
            && !d.rule().value().equals("sshd.password-authentication-default"))
        .map(d -> d.where() + " " + d.rule().value()).toList();
  }

  private String query(String spec) throws IOException {
    QueryResult r = checker.query(main(), spec, disk());
    assertFalse(r.hasErrors(), r.diagnostics().toString());
    return r.output();
  }

  @Test
  void aDropInIncludedFirstWinsOverTheMainFile() throws IOException {
    write("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication yes\n");
    write("/etc/ssh/sshd_config.d/50-cloud-init.conf", "PasswordAuthentication no\n");
    assertTrue(query(SPEC).contains("\npasswordauthentication no\n"));
    assertEquals(List.of("/etc/ssh/sshd_config:2:1 sshd.duplicate-keyword"), findings());
  }

  @Test
  void relativePathsAreTakenFromEtcSshAndGlobMatchesInByteOrder() throws IOException {
    write("/etc/ssh/sshd_config", "Include sshd_config.d/*.conf\n");
    write("/etc/ssh/sshd_config.d/2-late.conf", "MaxAuthTries 2\n");
    write("/etc/ssh/sshd_config.d/10-early.conf", "MaxAuthTries 3\n");
    write("/etc/ssh/sshd_config.d/.hidden.conf", "MaxAuthTries 1\n");
    write("/etc/ssh/sshd_config.d/notes.txt", "MaxAuthTries 9\n");
    assertTrue(query(SPEC).contains("\nmaxauthtries 3\n"), "10-early.conf sorts before 2-late.conf");
    assertEquals(List.of("/etc/ssh/sshd_config.d/2-late.conf:1:1 sshd.duplicate-keyword"), findings());
  }

  @Test
  void findingsInAnIncludedFilePointIntoThatFile() throws IOException {
    write("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\n");
    write("/etc/ssh/sshd_config.d/10-typo.conf", "# hardening\nPermitRootLogn no\n");
    List<Diagnostic> d = checker.check(main(), disk());
    assertTrue(d.stream().anyMatch(x -> x.where().toString().equals("/etc/ssh/sshd_config.d/10-typo.conf:2:1")
        && x.rule().value().equals("sshd.unknown-keyword")), d.toString());
    assertTrue(checker.query(main(), SPEC, disk()).hasErrors(), "sshd would not start, so there is nothing to query");
  }

  @Test
  void aMissingFileIsAWarningAndAnEmptyGlobIsNothing() throws IOException {
    write("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nInclude /etc/ssh/hardening.conf\n");
    assertEquals(List.of("/etc/ssh/sshd_config:2:9 sshd.include-missing"), findings());
  }

  @Test
  void aFileThatIncludesItselfIsAnErrorAtTheIncludeLine() throws IOException {
    write("/etc/ssh/sshd_config", "Port 22\nInclude /etc/ssh/*_config\n");
    assertEquals(List.of("/etc/ssh/sshd_config:2:9 sshd.include-recursion"), findings());
  }

  @Test
  void moreThanSixteenLevelsAreAnError() throws IOException {
    write("/etc/ssh/sshd_config", "Include /etc/ssh/level1.conf\n");
    for (int i = 1; i <= 17; i++) {
      write("/etc/ssh/level" + i + ".conf", "Include /etc/ssh/level" + (i + 1) + ".conf\n");
    }
    write("/etc/ssh/level18.conf", "Port 22\n");
    List<String> found = findings();
    assertEquals(1, found.size(), found.toString());
    assertEquals("/etc/ssh/level16.conf:1:9 sshd.include-recursion", found.get(0),
        "the sixteenth file's Include would open a seventeenth level");
  }

  @Test
  void anIncludeInsideMatchReadsTheFileUnderThatMatch() throws IOException {
    write("/etc/ssh/sshd_config", "Match User alice\n  Include /etc/ssh/alice.conf\n");
    write("/etc/ssh/alice.conf", "X11Forwarding yes\n");
    assertTrue(query(SPEC).contains("\nx11forwarding yes\n"));
    assertTrue(query(SPEC.replace("alice", "bob")).contains("\nx11forwarding no\n"));
  }

  @Test
  void aGlobalKeywordInAFileIncludedInsideMatchIsRefusedInThatFile() throws IOException {
    write("/etc/ssh/sshd_config", "Match User alice\n  Include /etc/ssh/alice.conf\n");
    write("/etc/ssh/alice.conf", "Port 2222\n");
    assertEquals(List.of("/etc/ssh/alice.conf:1:1 sshd.not-allowed-in-match"), findings());
  }

  @Test
  void aMatchBlockInADropInEndsWithTheDropIn() throws IOException {
    write("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\nPort 2222\nX11Forwarding yes\n");
    write("/etc/ssh/sshd_config.d/10-sftp.conf", "Match Group sftp\n  ForceCommand internal-sftp\n");
    assertEquals(List.of("/etc/ssh/sshd_config:3:15 sshd.x11-forwarding"), findings());
    String out = query(SPEC + ",groups=sftp");
    assertTrue(out.startsWith("port 2222\n") && out.contains("\nforcecommand internal-sftp\n"), out);
  }

  @Test
  void aQueryLooksMatchGroupUpInTheHostsGroupDatabase() throws IOException {
    write("/etc/ssh/sshd_config", "Match Group admins\n  PermitRootLogin no\n");
    write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/sh\n"
        + "bob:x:1001:1001::/home/bob:/bin/sh\n");
    write("/etc/group", "root:x:0:\nalice:x:1000:\nbob:x:1001:\nadmins:x:1500:carol,alice\n");
    assertTrue(query(SPEC).contains("\npermitrootlogin no\n"));
    assertTrue(query(SPEC.replace("alice", "bob")).contains("\npermitrootlogin without-password\n"));
    assertTrue(query(SPEC.replace("alice", "nobody-here")).contains("\npermitrootlogin without-password\n"));
    assertTrue(query(SPEC.replace("alice", "bob") + ",groups=admins").contains("\npermitrootlogin no\n"),
        "groups= in the question wins over the host");
  }

  @Test
  void aTestBlockNeverReadsTheHostAndSaysWhatIsMissing() {
    Snippet subject = Snippet.of("sshd_config", "Match Group admins\n  PermitRootLogin no\n", "a.md", Map.of("id", "s"));
    TestReport r = checker.runTests(subject, TestBlockParser.parse(Snippet.of("test",
        "user=alice => permitrootlogin no\nuser=alice groups=admins => permitrootlogin no\n", "a.md",
        Map.of("for", "s"))).block(), disk());
    assertEquals(1, r.passedCount(), r.results().toString());
    assertEquals(1, r.failedCount());
    assertTrue(r.results().get(0).message().contains("needs the groups of alice"), r.results().get(0).message());
  }

  @Test
  void inAnArticleTheIncludedSnippetReportsItsOwnLinesAndTestsSeeBoth() {
    Snippet main = Snippet.of("sshd_config", "Include sshd_config.d/*.conf\nPasswordAuthentication yes\n", "a.md",
        Map.of("id", "main", "file", "/etc/ssh/sshd_config", "fragment", "true"));
    Snippet dropIn = new Snippet("sshd_config", "PasswordAuthentication no\nPermitRootLogn no\n",
        new org.opsbook.diag.SourceSpan("a.md", 20, 1), 0,
        new java.util.TreeMap<>(Map.of("file", "/etc/ssh/sshd_config.d/10-hardening.conf")),
        new org.opsbook.diag.SourceSpan("a.md", 19, 1));
    CheckContext article = CheckContext.empty().withFiles(IncludedFiles.ofSnippets(List.of(main, dropIn)));
    List<String> found = checker.check(main, article).stream().map(d -> d.where() + " " + d.rule().value()).toList();
    assertEquals(List.of("a.md:2:1 sshd.duplicate-keyword"), found, "the typo is the drop-in's own check's to report");
    TestReport r = checker.runTests(main, TestBlockParser.parse(Snippet.of("test",
        "user=alice => passwordauthentication no\n", "a.md", Map.of("for", "main"))).block(), article);
    assertEquals(1, r.failedCount());
    assertTrue(r.results().get(0).message().contains("an included file has errors"), r.results().get(0).message());
  }
}

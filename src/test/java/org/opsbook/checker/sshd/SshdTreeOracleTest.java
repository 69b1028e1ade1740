package org.opsbook.checker.sshd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckContext;
import org.opsbook.check.DiskFiles;
import org.opsbook.check.Snippet;
import org.opsbook.testing.Project;

/**
 * Differential test on whole /etc trees: a main sshd_config with its drop-ins and includes, and
 * for Match Group a passwd and group file. Each tree is written to a folder, sshd reads it
 * mounted over /etc/ssh (and /etc/passwd, /etc/group) in a private mount namespace, and opsbook
 * reads the same folder as {@code opsbook lint} and {@code query} read a host. This host's own
 * /etc/ssh is compared too, as it is.
 *
 * <p>A {@code .tree} file holds {@code # oracle-spec:} lines and comments, then one section per
 * file, each starting with {@code === /absolute/path}.
 */
@Tag("oracle")
class SshdTreeOracleTest {
  private static final String CORPUS = "org/opsbook/checker/sshd/oracle-trees";
  private static final String DEFAULT_SPEC = SshdOracleTest.DEFAULT_SPEC;

  private final SshdChecker checker = new SshdChecker();

  @Test
  void treesGetTheVerdictsAndDumpsOfRealSshd(@TempDir Path temp) throws Exception {
    String reason = RealSshd.unavailableReason();
    Assumptions.assumeTrue(reason == null, reason);
    String noTrees = RealSshd.treesUnavailableReason();
    Assumptions.assumeTrue(noTrees == null, noTrees);
    RealSshd sshd = RealSshd.start(temp);
    Path dir = Project.testResource(CORPUS);
    OracleTally tally = new OracleTally("sshd tree oracle",
        OracleTally.knownDifferences(dir.resolve("known-differences.txt")));
    List<Path> trees;
    try (Stream<Path> files = Files.list(dir)) {
      trees = files.filter(p -> p.toString().endsWith(".tree")).sorted().toList();
    }
    for (Path tree : trees) {
      String name = tree.getFileName().toString().replace(".tree", "");
      String text = Files.readString(tree, StandardCharsets.UTF_8);
      Path root = Files.createDirectories(temp.resolve(name));
      write(root, sections(text, name));
      CheckContext onTree = CheckContext.empty().withFiles(new DiskFiles(root, "sshd_config"));
      String main = Files.readString(root.resolve("etc/ssh/sshd_config"), StandardCharsets.UTF_8);
      Snippet snippet = Snippet.ofFile("sshd_config", main, "/etc/ssh/sshd_config");
      RealSshd.Result real = sshd.testTree(root);
      tally.verdicts(name, checker.check(snippet, onTree), real);
      List<String> specs = OracleTally.specs(text);
      if (specs.isEmpty() && real.exitCode() == 0) {
        specs = List.of(DEFAULT_SPEC);
      }
      for (String spec : specs) {
        RealSshd.Result dump = sshd.dumpTree(root, spec);
        tally.dump(name, spec, dump.exitCode() == 0 ? dump.stdout() : "", checker.query(snippet, spec, onTree).output());
      }
    }
    System.out.println(tally.report());
    tally.tolerated.forEach(t -> System.out.println("known difference: " + t));
    assertTrue(tally.configs() >= 60, "the tree corpus should hold at least 60 trees, has " + tally.configs());
    assertTrue(tally.unexpected.isEmpty(), tally.report() + "\nunexpected disagreements:\n"
        + String.join("\n", tally.unexpected));
  }

  @Test
  void thisHostsOwnConfigurationGetsTheVerdictAndDumpsOfItsSshd(@TempDir Path temp) throws Exception {
    String reason = RealSshd.unavailableReason();
    Assumptions.assumeTrue(reason == null, reason);
    Path main = Path.of("/etc/ssh/sshd_config");
    Assumptions.assumeTrue(Files.isReadable(main), "this host has no readable /etc/ssh/sshd_config");
    RealSshd sshd = RealSshd.start(temp);
    CheckContext host = CheckContext.empty().withFiles(DiskFiles.host("sshd_config"));
    Snippet snippet = Snippet.ofFile("sshd_config", Files.readString(main, StandardCharsets.UTF_8), main.toString());
    OracleTally tally = new OracleTally("this host's /etc/ssh", Map.of());
    RealSshd.Result real = sshd.test(main);
    tally.verdicts("/etc/ssh/sshd_config", checker.check(snippet, host), real);
    if (real.exitCode() == 0) {
      for (String user : List.of("root", "oracle-nobody", "daemon")) {
        String spec = "user=" + user + ",host=client.example,addr=198.51.100.77,laddr=192.0.2.1,lport=22";
        RealSshd.Result dump = sshd.dump(main, spec);
        tally.dump("/etc/ssh/sshd_config", spec, dump.exitCode() == 0 ? dump.stdout() : "",
            checker.query(snippet, spec, host).output());
      }
    }
    System.out.println(tally.report());
    assertTrue(tally.unexpected.isEmpty(), String.join("\n", tally.unexpected));
  }

  /** The files of a tree by path, with the accounts sshd itself needs added to passwd and group. */
  static Map<String, String> sections(String text, String name) {
    Map<String, StringBuilder> files = new LinkedHashMap<>();
    StringBuilder current = null;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("=== ")) {
        current = new StringBuilder();
        files.put(line.substring(4).strip(), current);
      } else if (current != null) {
        current.append(line).append('\n');
      }
    }
    if (!files.containsKey("/etc/ssh/sshd_config")) {
      throw new IllegalArgumentException(name + ": a tree needs an === /etc/ssh/sshd_config section");
    }
    Map<String, String> out = new LinkedHashMap<>();
    files.forEach((path, body) -> out.put(path, body.toString().replaceAll("\n+$", "\n")));
    // sshd refuses to run without its privilege separation account.
    out.computeIfPresent("/etc/passwd", (p, t) -> withLines(t, List.of(
        "root:x:0:0:root:/root:/bin/bash", "sshd:x:100:65534::/run/sshd:/usr/sbin/nologin")));
    out.computeIfPresent("/etc/group", (p, t) -> withLines(t, List.of("root:x:0:", "nogroup:x:65534:")));
    return out;
  }

  private static String withLines(String text, List<String> required) {
    StringBuilder b = new StringBuilder(text);
    for (String line : required) {
      String name = line.substring(0, line.indexOf(':') + 1);
      if (!("\n" + text).contains("\n" + name)) {
        b.append(line).append('\n');
      }
    }
    return b.toString();
  }

  private static void write(Path root, Map<String, String> files) throws IOException {
    Files.createDirectories(root.resolve("etc/ssh"));
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = root.resolve(f.getKey().substring(1));
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
    }
  }
}

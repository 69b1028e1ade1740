package org.opsbook.checker.sshd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * Differential test against the installed OpenSSH: for every config in the oracle corpus,
 * opsbook's verdict must equal {@code sshd -t}'s, and for each {@code # oracle-spec:} line the
 * effective configuration must equal {@code sshd -T -C}'s. opsbook sees what {@code opsbook lint}
 * and {@code query} see: the host's own files. Disagreements listed in known-differences.txt
 * (with a reason) are reported but tolerated.
 */
@Tag("oracle")
class SshdOracleTest {
  private static final String CORPUS = "org/opsbook/checker/sshd/oracle";
  static final String DEFAULT_SPEC = "user=oracle,host=client.example,addr=198.51.100.77,laddr=192.0.2.1,lport=22";
  private static final CheckContext HOST = CheckContext.empty().withFiles(DiskFiles.host("sshd_config"));

  private final SshdChecker checker = new SshdChecker();

  @Test
  void verdictsAndEffectiveValuesAgreeWithRealSshd(@TempDir Path temp) throws Exception {
    String reason = RealSshd.unavailableReason();
    Assumptions.assumeTrue(reason == null, reason);
    RealSshd sshd = RealSshd.start(temp);
    Path dir = Project.testResource(CORPUS);
    OracleTally tally = new OracleTally("sshd oracle", OracleTally.knownDifferences(dir.resolve("known-differences.txt")));
    List<Path> configs;
    try (Stream<Path> files = Files.list(dir)) {
      configs = files.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
    }
    assertTrue(configs.size() >= 100, "the oracle corpus should hold at least 100 configs, has " + configs.size());
    for (Path config : configs) {
      String name = config.getFileName().toString().replace(".conf", "");
      String text = Files.readString(config, StandardCharsets.UTF_8);
      Snippet snippet = Snippet.ofFile("sshd_config", text, name + ".conf");
      RealSshd.Result real = sshd.test(config);
      tally.verdicts(name, checker.check(snippet, HOST), real);
      List<String> specs = OracleTally.specs(text);
      if (specs.isEmpty() && real.exitCode() == 0) {
        // Every config sshd accepts is also compared as a whole sshd -T dump for one connection.
        specs = List.of(DEFAULT_SPEC);
      }
      for (String spec : specs) {
        RealSshd.Result dump = sshd.dump(config, spec);
        tally.dump(name, spec, dump.exitCode() == 0 ? dump.stdout() : "", checker.query(snippet, spec, HOST).output());
      }
    }
    System.out.println(tally.report());
    tally.tolerated.forEach(t -> System.out.println("known difference: " + t));
    assertTrue(tally.unexpected.isEmpty(), tally.report() + "\nunexpected disagreements:\n"
        + String.join("\n", tally.unexpected));
  }
}

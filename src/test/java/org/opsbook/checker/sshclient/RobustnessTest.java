package org.opsbook.checker.sshclient;

import org.opsbook.snippet.TestBlockParser;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Snippet;
import org.opsbook.checker.authkeys.AuthorizedKeysChecker;

/**
 * Bad input must come back as diagnostics, never as an exception: every corpus line, cut and
 * spliced with characters that matter to the lexers, goes through check, query, runTests and
 * highlight of both checkers. The random source is seeded, so a failure reproduces.
 */
class RobustnessTest {
  private static final String SPECIAL = "\"'\\#=,:[]!*?%$ \t/@0123456789-+^{}";

  @Test
  void mutatedInputsNeverThrow() throws IOException {
    List<String> lines = new ArrayList<>();
    for (String dir : List.of("src/test/resources/org/opsbook/checker/sshclient/oracle",
        "src/test/resources/org/opsbook/checker/sshclient/rules", "src/test/resources/org/opsbook/checker/authkeys/rules")) {
      try (Stream<Path> s = Files.list(Paths.get(dir))) {
        for (Path p : s.sorted().toList()) {
          lines.addAll(List.of(Files.readString(p).split("\r?\n")));
        }
      }
    }
    lines.addAll(List.of("", " ", "\t", "=", "Host", "Match", "Match all all", "LocalForward [", "ProxyJump ssh://[",
        "ProxyJump ssh://@", "IPQoS 0x", "StreamLocalBindMask 07777777777777777777", "TunnelDevice 99999999999:any",
        "AddKeysToAgent confirm", "RekeyLimit 1.5G 1h", "Port 99999999999999999999", "ConnectTimeout 999999999999999999",
        "ForwardAgent ${", "from=\"::ffff:1.2.3.4/200\" ssh-ed25519 AAAA", "command=\"", "ssh-rsa AAAAB3NzaC1yc2E="));
    Random random = new Random(20260314L);
    SshClientChecker ssh = new SshClientChecker();
    AuthorizedKeysChecker keys = new AuthorizedKeysChecker();
    for (int round = 0; round < 3000; round++) {
      StringBuilder text = new StringBuilder();
      int n = 1 + random.nextInt(6);
      for (int i = 0; i < n; i++) {
        String line = lines.get(random.nextInt(lines.size()));
        if (!line.isEmpty() && random.nextBoolean()) {
          int at = random.nextInt(line.length() + 1);
          line = line.substring(0, at) + SPECIAL.charAt(random.nextInt(SPECIAL.length()))
              + line.substring(Math.min(line.length(), at + random.nextInt(3)));
        }
        text.append(line).append('\n');
      }
      String t = text.toString();
      Snippet s = Snippet.ofFile("ssh_config", t, "fuzz");
      assertNotNull(ssh.check(s, CheckContext.empty()), t);
      assertNotNull(ssh.query(s, "host=web.example.org user=alice", CheckContext.empty()), t);
      assertNotNull(ssh.runTests(s, TestBlockParser.parse(Snippet.ofFile("test", "host=x => port 22\n", "t")).block(), CheckContext.empty()), t);
      assertNotNull(ssh.highlight(t, "ssh_config"), t);
      Snippet k = Snippet.ofFile("authorized_keys", t, "fuzz");
      assertNotNull(keys.check(k, CheckContext.empty()), t);
      assertNotNull(keys.runTests(k, TestBlockParser.parse(Snippet.ofFile("test", "key=1 from=192.0.2.1 => allowed\n", "t")).block(), CheckContext.empty()), t);
      assertNotNull(keys.highlight(t, "authorized_keys"), t);
    }
  }
}

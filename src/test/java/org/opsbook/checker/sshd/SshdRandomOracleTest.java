package org.opsbook.checker.sshd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Snippet;
import org.opsbook.checker.sshd.catalogue.Keyword;
import org.opsbook.checker.sshd.catalogue.KeywordCatalogue;
import org.opsbook.checker.openssh.OpensshVersion;
import org.opsbook.diag.Diagnostic;

/**
 * Configs nobody wrote by hand: a fixed-seed generator pairs every keyword sshd 9.2 knows with
 * values meant for other keywords, odd separators and Match lines, and opsbook must agree with
 * {@code sshd -t} on every error verdict, and with {@code sshd -T -C} on every config sshd accepts.
 * Two inputs that depend on the host rather than the file are left out on purpose: ListenAddress
 * host names (sshd resolves them) and Include (sshd reads the host's files).
 */
@Tag("oracle")
class SshdRandomOracleTest {
  private static final long SEED = 20261123L;
  private static final int CONFIGS = 400;
  private static final String SPEC = "user=alice,host=client.example.org,addr=192.0.2.7,laddr=192.0.2.1,lport=22";

  private static final String[] VALUES = {
      "yes", "no", "YES", "No", "none", "any", "0", "1", "-1", "22", "65536", "2222", "10:30:60", "5", "1h30m",
      "5x", "10m", "\"quoted value\"", "\"unterminated", "alice", "alice,bob", "*", "!root", "/etc/issue",
      "%h/.ssh/keys", "prohibit-password", "without-password", "forced-commands-only", "local", "remote", "all",
      "clientspecified", "point-to-point", "ethernet", "inet", "inet6", "delayed", "shosts-only", "VERBOSE",
      "DEBUG3", "WARN", "AUTHPRIV", "LOCAL9", "aes128-ctr", "aes128-ctr,aes256-gcm@openssh.com", "+aes128-cbc",
      "-aes*", "^chacha20-poly1305@openssh.com", "aes*", "hmac-sha2-256", "+hmac-md5", "umac-128@openssh.com,",
      "curve25519-sha256", "+diffie-hellman-group1-sha1", "ssh-ed25519", "ssh-ed25519*", "+ssh-rsa", "!ssh-rsa",
      "sha256", "md5", "sha3", "0177", "0888", "9", "af21", "af21 cs1", "0x20", "1G", "1G 1h", "10",
      "default none", "localhost:80", "localhost", "*:*", "8080", "[::1]:22", "192.0.2.1", "192.0.2.1:2222",
      "[2001:db8::1]:22", "2001:db8::1", "0.0.0.0:0", "publickey", "publickey,password",
      "publickey keyboard-interactive:pam", "any publickey", "otp", "LANG LC_*", "LANG=C", "A=b", "session=1h",
      "session", "touch-required", "pin-required", "internal-sftp", "sftp internal-sftp", "sftp",
      "/usr/bin/true %u", "x y z", "kex.c:*:1000", "none auth", "24:56", "33", "1 2", "# comment", "=value",
      "a@192.0.2.0/24", "a@192.0.2.1/24", "@", "user@"};

  private static final String[] MATCH = {
      "User alice", "User", "Group admins", "Host *.example.org", "Address 192.0.2.0/24", "Address 192.0.2.1/24",
      "Address 10.0.0.0/129", "LocalPort 22", "LocalPort 2222,2223", "LocalAddress ::1", "RDomain rd1", "All",
      "All User x", "Foo bar", "User alice Address 203.0.113.0/24", "User=alice", "User alice bob",
      "Address ,1.2.3.4", "User *,!root Host client.*"};

  private static final String[] SEPARATORS = {" ", " ", " ", "=", " = ", "\t"};

  @Test
  void generatedConfigsGetTheSameVerdictAndDumpAsRealSshd(@TempDir Path temp) throws Exception {
    String reason = RealSshd.unavailableReason();
    Assumptions.assumeTrue(reason == null, reason);
    RealSshd sshd = RealSshd.start(temp);
    List<String> keywords = new ArrayList<>();
    for (Keyword k : KeywordCatalogue.all()) {
      if (k.vendor() == null && !OpensshVersion.DEBIAN_12.isBefore(k.since()) && !k.lowerName().equals("include")) {
        keywords.add(k.name());
      }
    }
    Random random = new Random(SEED);
    SshdChecker checker = new SshdChecker();
    List<String> disagreements = new ArrayList<>();
    int accepted = 0;
    for (int i = 0; i < CONFIGS; i++) {
      String text = generate(random, keywords);
      Path file = temp.resolve(String.format(Locale.ROOT, "random-%03d.conf", i));
      Files.writeString(file, text, StandardCharsets.UTF_8);
      Snippet snippet = Snippet.ofFile("sshd_config", text, file.getFileName().toString());
      boolean ours = checker.check(snippet, CheckContext.empty()).stream().anyMatch(Diagnostic::isError);
      RealSshd.Result real = sshd.test(file);
      boolean theirs = real.exitCode() != 0;
      if (ours != theirs) {
        disagreements.add("verdict " + file.getFileName() + ": opsbook error=" + ours + ", sshd -t error=" + theirs
            + " " + real.stderr().strip() + "\n" + text);
        continue;
      }
      if (!theirs) {
        accepted++;
        RealSshd.Result dump = sshd.dump(file, SPEC);
        String expected = dump.exitCode() == 0 ? withoutHostKeys(dump.stdout()) : "";
        String actual = withoutHostKeys(checker.query(snippet, SPEC, CheckContext.empty().withFiles(org.opsbook.check.DiskFiles.host("sshd_config"))).output());
        if (!expected.equals(actual)) {
          disagreements.add("dump " + file.getFileName() + "\n" + text);
        }
      }
    }
    System.out.println("sshd random oracle: " + CONFIGS + " generated configs (" + accepted
        + " accepted by sshd), " + (CONFIGS - disagreements.size()) + " agree");
    assertEquals(List.of(), disagreements);
  }

  private static String generate(Random random, List<String> keywords) {
    StringBuilder b = new StringBuilder();
    int lines = 1 + random.nextInt(4);
    for (int n = 0; n < lines; n++) {
      if (random.nextInt(5) == 0) {
        b.append("Match ").append(MATCH[random.nextInt(MATCH.length)]).append('\n');
        continue;
      }
      String keyword = keywords.get(random.nextInt(keywords.size()));
      String value = VALUES[random.nextInt(VALUES.length)];
      if (keyword.equals("ListenAddress") && !value.matches("[0-9.:\\[\\]]+")) {
        value = "192.0.2.1"; // host names are resolved by sshd at startup: out of scope here
      }
      if (random.nextInt(5) == 0) {
        keyword = keyword.toUpperCase(Locale.ROOT);
      }
      b.append(keyword).append(SEPARATORS[random.nextInt(SEPARATORS.length)]).append(value).append('\n');
    }
    return b.toString();
  }

  private static String withoutHostKeys(String dump) {
    StringBuilder b = new StringBuilder();
    for (String line : dump.split("\n")) {
      if (!line.startsWith("hostkey ") && !line.isEmpty()) {
        b.append(line).append('\n');
      }
    }
    return b.toString();
  }
}

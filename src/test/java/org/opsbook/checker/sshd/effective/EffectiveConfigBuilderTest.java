package org.opsbook.checker.sshd.effective;

import org.opsbook.checker.openssh.AlgorithmLists;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.testing.Golden;
import org.opsbook.testing.Project;
import org.opsbook.check.Findings;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.checker.openssh.OpensshVersion;
import org.opsbook.checker.sshd.model.SshdConfig;
import org.opsbook.checker.sshd.syntax.SshdParser;

class EffectiveConfigBuilderTest {
  private static final String GOLDEN = "org/opsbook/checker/sshd/golden";

  private static SshdConfig parse(String text) {
    Snippet s = Snippet.of("sshd_config", text, "a.md", Map.of());
    return SshdParser.parse(s, IncludedFiles.NONE, x -> false, OpensshVersion.DEBIAN_12, new Findings(s));
  }

  private static EffectiveConfig effective(String text, String spec) {
    EffectiveConfigBuilder.Result r = EffectiveConfigBuilder.build(parse(text), ConnectionSpec.parse(spec).spec());
    assertNull(r.error(), r.error());
    return r.config();
  }

  @Test
  void anEmptyFilePrintsDebianDefaults() {
    EffectiveConfig c = EffectiveConfigBuilder.global(parse(""));
    assertEquals(List.of("22"), c.values("port"));
    assertEquals(List.of("[::]:22", "0.0.0.0:22"), c.values("listenaddress"));
    assertEquals(List.of("without-password"), c.values("permitrootlogin"));
    assertEquals(List.of("yes"), c.values("passwordauthentication"));
    assertEquals(List.of("any"), c.values("authenticationmethods"));
    assertTrue(c.values("channeltimeout").isEmpty(), "sshd -T prints no channeltimeout line by default");
  }

  @Test
  void theFirstValueWinsWithinASection() {
    EffectiveConfig c = effective("PermitRootLogin no\nPermitRootLogin yes\n", "user=alice");
    assertEquals(List.of("no"), c.values("permitrootlogin"));
  }

  @Test
  void matchBlocksOverrideTheGlobalValueAndTheFirstMatchingBlockWins() {
    String text = "PermitRootLogin no\nMatch Address 10.0.0.0/8\n  MaxAuthTries 2\nMatch User alice\n  MaxAuthTries 5\n  X11Forwarding yes\n";
    EffectiveConfig both = effective(text, "user=alice,addr=10.1.2.3");
    assertEquals(List.of("2"), both.values("maxauthtries"));
    assertEquals(List.of("yes"), both.values("x11forwarding"));
    EffectiveConfig other = effective(text, "user=bob,addr=192.0.2.1");
    assertEquals(List.of("6"), other.values("maxauthtries"));
    assertEquals(List.of("no"), other.values("x11forwarding"));
  }

  @Test
  void aCriterionWhoseAttributeIsMissingDoesNotMatch() {
    EffectiveConfig c = effective("Match Address 192.0.2.0/24\n  PasswordAuthentication no\n", "user=alice");
    assertEquals(List.of("yes"), c.values("passwordauthentication"));
  }

  @Test
  void localPortWithoutLportStopsLikeSshd() {
    EffectiveConfigBuilder.Result r = EffectiveConfigBuilder.build(parse("Match LocalPort 2222\n  X11Forwarding yes\n"),
        ConnectionSpec.parse("user=alice").spec());
    assertTrue(r.error().contains("'lport' not in connection test specification"), r.error());
    assertEquals(0, r.errorBlock());
  }

  @Test
  void groupsComeFromTheSpecBecauseSnippetsHaveNoGroupDatabase() {
    String text = "Match Group sftponly\n  ForceCommand internal-sftp\n";
    assertEquals(List.of("internal-sftp"), effective(text, "user=alice groups=sftponly").values("forcecommand"));
    assertEquals(List.of("none"), effective(text, "user=alice").values("forcecommand"));
  }

  @Test
  void listsFromAMatchBlockReplaceTheGlobalList() {
    String text = "AllowUsers alice bob\nMatch User alice\n  AllowUsers carol\n";
    assertEquals(List.of("carol"), effective(text, "user=alice").values("allowusers"));
    assertEquals(List.of("alice", "bob"), effective(text, "user=bob").values("allowusers"));
  }

  @Test
  void noneClearsForceCommandAndChrootFromAMatchBlock() {
    String text = "ForceCommand /usr/bin/menu\nChrootDirectory /jail\nMatch User admin\n  ForceCommand none\n  ChrootDirectory none\n";
    EffectiveConfig c = effective(text, "user=admin");
    assertEquals(List.of("none"), c.values("forcecommand"));
    assertEquals(List.of("none"), c.values("chrootdirectory"));
  }

  @Test
  void algorithmListsAreAssembledLikeSshd() {
    assertEquals("aes128-ctr,aes192-ctr,aes256-ctr,aes128-gcm@openssh.com,aes256-gcm@openssh.com",
        AlgorithmLists.assemble("-chacha*", List.of("chacha20-poly1305@openssh.com", "aes128-ctr", "aes192-ctr",
            "aes256-ctr", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com"), List.of()).map(l -> String.join(",", l)).get());
    EffectiveConfig c = effective("Ciphers ^aes256-gcm@openssh.com\nMACs aes*\n", "");
    assertTrue(c.values("ciphers").get(0).startsWith("aes256-gcm@openssh.com,chacha20-poly1305@openssh.com,"));
  }

  @Test
  void printsTheWholeDumpForASftpHostAsSshdDoes() throws IOException, URISyntaxException {
    Path input = Project.testResource(GOLDEN + "/sftp-host.input");
    String text = Files.readString(input, StandardCharsets.UTF_8);
    String actual = effective(text, "user=alice,addr=203.0.113.9,host=laptop.example,laddr=192.0.2.10,lport=22").render();
    Golden.assertMatches(GOLDEN + "/sftp-host.expected", actual);
  }
}

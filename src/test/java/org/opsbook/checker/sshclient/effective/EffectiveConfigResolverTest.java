package org.opsbook.checker.sshclient.effective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Findings;
import org.opsbook.check.Snippet;
import org.opsbook.checker.sshclient.model.SshConfig;
import org.opsbook.checker.openssh.OpensshVersion;
import org.opsbook.checker.sshclient.syntax.SshConfigParser;

class EffectiveConfigResolverTest {
  private static SshConfig parse(String text) {
    return SshConfigParser.parse(text, new Findings(Snippet.ofFile("ssh_config", text, "c")));
  }

  private static EffectiveConfig resolve(String config, String host, String user) {
    return EffectiveConfigResolver.resolve(parse(config),
        new ConnectionSpec(host, user, "alice", false), OpensshVersion.DEBIAN_12);
  }

  @Test
  void theFirstValueObtainedWins() {
    EffectiveConfig c = resolve("Host *\n  Port 2222\nHost db\n  Port 5432\n", "db", null);
    assertEquals(List.of("2222"), c.values("port"));
  }

  @Test
  void specificHostsBeforeHostStarGetTheirOwnValues() {
    EffectiveConfig c = resolve("Host db\n  Port 5432\nHost *\n  Port 2222\n", "db", null);
    assertEquals(List.of("5432"), c.values("port"));
    assertEquals(List.of("2222"), resolve("Host db\n  Port 5432\nHost *\n  Port 2222\n", "web", null).values("port"));
  }

  @Test
  void aNegatedPatternSwitchesTheBlockOff() {
    String cfg = "Host *.example.org !test.example.org\n  User ops\n";
    assertEquals(List.of("ops"), resolve(cfg, "web.example.org", null).values("user"));
    assertEquals(List.of("alice"), resolve(cfg, "test.example.org", null).values("user"));
  }

  @Test
  void aUserOnTheCommandLineBeatsTheConfig() {
    assertEquals(List.of("bob"), resolve("User ops\n", "h", "bob").values("user"));
  }

  @Test
  void hostNameExpandsPercentH() {
    EffectiveConfig c = resolve("Host *\n  HostName %h.Internal.Example.org\n", "web", null);
    assertEquals(List.of("web.internal.example.org"), c.values("hostname"));
  }

  @Test
  void matchFinalAppliesInTheSecondPassAgainstTheHostName() {
    String cfg = "Host short\n  HostName short.corp.example.org\nMatch final host *.corp.example.org\n  User corp\n";
    assertEquals(List.of("corp"), resolve(cfg, "short", null).values("user"));
  }

  @Test
  void proxyJumpNoneIsNotPrintedAndBlocksALaterProxyCommand() {
    EffectiveConfig c = resolve("Host h\n  ProxyJump none\nHost *\n  ProxyCommand nc %h %p\n", "h", null);
    assertEquals(List.of(), c.values("proxyjump"));
    assertEquals(List.of(), c.values("proxycommand"));
  }

  @Test
  void proxyJumpPrintsTheChainAndBracketsNumericHosts() {
    EffectiveConfig c = resolve("ProxyJump a.example.org,bob@192.0.2.1:2222\n", "h", null);
    assertEquals(List.of("a.example.org,bob@[192.0.2.1]:2222"), c.values("proxyjump"));
  }

  @Test
  void forwardsAccumulateInOrder() {
    EffectiveConfig c = resolve("LocalForward 3389 127.0.0.1:3389\nLocalForward 5901 localhost:5900\nDynamicForward 1080\n", "h", null);
    assertEquals(List.of("3389 [127.0.0.1]:3389", "5901 [localhost]:5900"), c.values("localforward"));
    assertEquals(List.of("1080"), c.values("dynamicforward"));
  }

  @Test
  void algorithmListsFollowPlusMinusAndCaret() {
    assertEquals(List.of("aes128-cbc,chacha20-poly1305@openssh.com"),
        resolve("Ciphers aes128-cbc,chacha20-poly1305@openssh.com\n", "h", null).values("ciphers"));
    String plus = resolve("Ciphers +aes128-cbc\n", "h", null).values("ciphers").get(0);
    assertEquals(true, plus.endsWith(",aes128-cbc"));
    String minus = resolve("MACs -*sha1*\n", "h", null).values("macs").get(0);
    assertEquals(false, minus.contains("sha1"));
  }

  @Test
  void matchExecIsAssumedToFailUnlessTheSpecSaysOtherwise() {
    String cfg = "Match exec \"true\"\n  User execd\n";
    assertEquals(List.of("alice"), resolve(cfg, "h", null).values("user"));
    EffectiveConfig c = EffectiveConfigResolver.resolve(parse(cfg),
        new ConnectionSpec("h", null, "alice", true), OpensshVersion.DEBIAN_12);
    assertEquals(List.of("execd"), c.values("user"));
  }
}

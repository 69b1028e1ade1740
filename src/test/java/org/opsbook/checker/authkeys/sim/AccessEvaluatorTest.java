package org.opsbook.checker.authkeys.sim;

import org.opsbook.check.Findings;
import org.opsbook.check.Snippet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.opsbook.checker.authkeys.model.KeyLine;
import org.opsbook.checker.authkeys.syntax.AuthorizedKeysParser;

class AccessEvaluatorTest {
  private static final String KEY = read();

  private static String read() {
    try {
      return Files.readString(Paths.get("src/test/resources/org/opsbook/checker/authkeys/keys/ed25519.pub")).strip();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyLine line(String options) {
    return AuthorizedKeysParser.parse(options + " " + KEY + "\n", new Findings(Snippet.ofFile("authorized_keys", options + " " + KEY + "\n", "k"))).keys().get(0);
  }

  private static Decision eval(String options, String address) {
    return AccessEvaluator.evaluate(line(options), address, address, null);
  }

  @Test
  void fromAdmitsAnAddressInsideTheNetwork() {
    assertTrue(eval("from=\"198.51.100.0/24\"", "198.51.100.7").allowed());
    assertFalse(eval("from=\"198.51.100.0/24\"", "203.0.113.5").allowed());
  }

  @Test
  void aNegatedEntryVetoesEvenWhenAnotherMatches() {
    assertFalse(eval("from=\"198.51.100.0/24,!198.51.100.66\"", "198.51.100.66").allowed());
    assertTrue(eval("from=\"198.51.100.0/24,!198.51.100.66\"", "198.51.100.67").allowed());
  }

  @Test
  void wildcardEntriesMatchTheAddressText() {
    assertTrue(eval("from=\"10.1.*\"", "10.1.2.3").allowed());
  }

  @Test
  void hostNamePatternsMatchTheNameSshdSees() {
    KeyLine k = line("from=\"*.backup.example.org\"");
    assertTrue(AccessEvaluator.evaluate(k, "192.0.2.1", "node1.backup.example.org", null).allowed());
    assertFalse(AccessEvaluator.evaluate(k, "192.0.2.1", "192.0.2.1", null).allowed());
  }

  @Test
  void aMaskWithHostBitsSetDeniesEveryone() {
    Decision d = eval("from=\"192.0.2.10/24\"", "192.0.2.10");
    assertFalse(d.allowed());
    assertTrue(d.reason().contains("invalid address/mask"), d.reason());
  }

  @Test
  void ipv6NetworksMatch() {
    assertTrue(eval("from=\"2001:db8::/32\"", "2001:db8:1::5").allowed());
    assertFalse(eval("from=\"2001:db8::/32\"", "2001:db9::5").allowed());
  }

  @Test
  void restrictTurnsEverythingOffAndLaterFlagsTurnThingsBackOn() {
    Decision d = eval("restrict,pty,command=\"/bin/backup\"", "192.0.2.1");
    assertEquals("yes", d.settings().get("pty"));
    assertEquals("no", d.settings().get("port-forwarding"));
    assertEquals("no", d.settings().get("agent-forwarding"));
    assertEquals("/bin/backup", d.settings().get("command"));
  }

  @Test
  void flagsBeforeRestrictAreOverriddenByIt() {
    assertEquals("no", eval("pty,restrict", "192.0.2.1").settings().get("pty"));
  }

  @Test
  void withoutOptionsEverythingIsAllowed() {
    Decision d = AccessEvaluator.evaluate(line(""),
        "192.0.2.1", "192.0.2.1", null);
    assertTrue(d.allowed());
    assertEquals("yes", d.settings().get("port-forwarding"));
  }

  @Test
  void anExpiredKeyIsDeniedAfterItsTime() {
    KeyLine k = line("expiry-time=\"20260301\"");
    assertTrue(AccessEvaluator.evaluate(k, "192.0.2.1", "192.0.2.1", LocalDateTime.of(2026, 2, 28, 23, 0)).allowed());
    assertFalse(AccessEvaluator.evaluate(k, "192.0.2.1", "192.0.2.1", LocalDateTime.of(2026, 3, 1, 0, 0)).allowed());
  }

  @Test
  void aLineWithBadOptionsAdmitsNobody() {
    assertFalse(eval("no-pty,frobnicate", "192.0.2.1").allowed());
  }
}

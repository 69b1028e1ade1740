package org.opsbook.checker.iptables.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class PacketQuestionTest {
  /** U+001E is a blank to String.strip() but not to the grammar, so it stays in the value it ends. */
  @Test
  void aControlCharacterThatEndsTheLastValueStaysInIt() {
    Packet p = PacketQuestion.parse("tcp 10.0.0.1:40000 -> 10.0.0.2:22 mark=x uid=\u001e").packet();
    assertNotNull(p);
    assertEquals("\u001e", p.extra().get("uid"));
    assertEquals(p, PacketQuestion.parse(p.describe()).packet());
  }

  @Test
  void blanksAroundTheQuestionAreIgnored() {
    assertEquals(PacketQuestion.parse("icmp 10.0.0.1 -> 10.0.0.2").packet(),
        PacketQuestion.parse(" \t icmp 10.0.0.1 -> 10.0.0.2 \r\n").packet());
  }
}

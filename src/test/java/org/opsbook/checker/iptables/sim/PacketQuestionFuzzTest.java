package org.opsbook.checker.iptables.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

class PacketQuestionFuzzTest {

  /** A question is a packet or a reason, and a packet read back from its own description is the same packet. */
  @FuzzTest(maxDuration = "30s")
  void readsAPacketOrSaysWhyAndRoundTrips(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    PacketQuestion.Parsed p = PacketQuestion.parse(text);
    assertTrue((p.packet() == null) != (p.error() == null), p.toString());
    if (p.packet() != null) {
      PacketQuestion.Parsed again = PacketQuestion.parse(p.packet().describe());
      assertEquals(p.packet(), again.packet(), p.packet().describe());
    }
  }
}

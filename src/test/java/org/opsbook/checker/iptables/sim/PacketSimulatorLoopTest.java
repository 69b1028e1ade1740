package org.opsbook.checker.iptables.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opsbook.checker.iptables.model.Chain;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.iptables.model.Ruleset;
import org.opsbook.checker.iptables.model.Target;
import org.opsbook.checker.iptables.model.Word;

/**
 * The kernel refuses the rule that closes a jump loop, and so does the replay; a rule set built
 * without the replay may still hold one, and the walk stops at it in one trace line.
 */
class PacketSimulatorLoopTest {
  private static Rule jump(String chain, String target) {
    Word at = new Word(target, 1, 1, false, false);
    return new Rule("filter", chain, null, null, null, null, null, false, List.of(), new Target(target, List.of(), false, at), 1, 1, "");
  }

  @Test
  void stopsAtAJumpBackIntoAChainOnThePath() {
    Map<String, Chain> filter = new LinkedHashMap<>();
    filter.put("INPUT", new Chain("INPUT", true, "ACCEPT", 0, List.of(jump("INPUT", "A"))));
    filter.put("A", new Chain("A", false, null, 0, List.of(jump("A", "B"))));
    filter.put("B", new Chain("B", false, null, 0, List.of(jump("B", "A"))));
    Ruleset rules = new Ruleset("ipv4", Map.of("filter", filter));
    Verdict v = new PacketSimulator(rules, HostAddresses.declared("eth0:10.0.0.1"), false)
        .simulate(PacketQuestion.parse("tcp 192.0.2.1:5000 -> 10.0.0.1:22 in=eth0").packet());
    assertEquals("UNKNOWN", v.action());
    assertTrue(v.trace().size() < 10, v.trace().toString());
    assertTrue(v.trace().stream().anyMatch(t -> t.contains("jumps back into a chain")), v.trace().toString());
  }
}

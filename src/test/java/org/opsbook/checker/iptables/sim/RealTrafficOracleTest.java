package org.opsbook.checker.iptables.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.syntax.IptablesParser;

/**
 * Checks simulator verdicts against real traffic: the rules of {@code real-traffic.rules} are
 * loaded in a namespace of the test's own (host side 10.200.0.1 on h0, client addresses
 * 10.200.0.2-9), a listener answers on every port tried, and each packet of
 * {@code real-traffic.packets} becomes one TCP connection: completed is ACCEPT, refused is REJECT,
 * a timeout is DROP.
 */
@Tag("oracle")
class RealTrafficOracleTest {
  @Test
  void simulatorVerdictsMatchRealConnections() throws Exception {
    String reason = NetnsLab.unavailableReason();
    Assumptions.assumeTrue(reason == null, reason);
    Path dir = Path.of(getClass().getResource("/org/opsbook/checker/iptables/sim/real-traffic.rules").toURI()).getParent();
    String rules = Files.readString(dir.resolve("real-traffic.rules"), StandardCharsets.UTF_8);
    try (NetnsLab lab = NetnsLab.create("rt")) {
      String client = lab.addClient("h0", "10.200.0.1/24",
          List.of("10.200.0.2/24", "10.200.0.3/24", "10.200.0.4/24", "10.200.0.5/24", "10.200.0.9/24"), null, List.of());
      for (String line : rules.split("\n")) {
        assertEquals(0, lab.inHost(line), line);
      }
      List<String> sockets = new ArrayList<>();
      for (int port : List.of(22, 80, 443, 8080, 2222, 2223, 9999)) {
        sockets.add("tcp:0.0.0.0:" + port);
      }
      lab.listen(sockets);

      Snippet snippet = Snippet.ofFile("iptables", rules, "real-traffic.rules");
      PacketSimulator sim = new PacketSimulator(IptablesParser.parse(snippet, List.of()).ruleset(), HostAddresses.declared("h0:10.200.0.1"), false);
      List<String> expected = new ArrayList<>();
      List<String> actual = new ArrayList<>();
      for (String line : Files.readAllLines(dir.resolve("real-traffic.packets"), StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        Packet p = PacketQuestion.parse(line + " in=h0").packet();
        expected.add(line + " => " + sim.simulate(p).action());
        String[] parts = line.split("[ :]+");
        actual.add(line + " => " + lab.probe(client, parts[0], parts[1], parts[4], Integer.parseInt(parts[5])));
      }
      System.out.println("real traffic: " + actual.size() + " connections compared with the simulator\n  " + String.join("\n  ", actual));
      assertEquals(String.join("\n", actual), String.join("\n", expected));
    }
  }
}

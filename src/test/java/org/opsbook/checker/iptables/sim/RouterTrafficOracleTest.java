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
 * The forwarding path against real traffic: a router namespace (eth0 203.0.113.2 towards a "WAN"
 * namespace, eth1 10.0.0.1 towards a "LAN" namespace, forwarding on) loads the rules of
 * {@code router.input}; servers listen on both sides; each packet of
 * {@code router-traffic.packets} becomes one TCP connection whose fate must match the simulator.
 */
@Tag("oracle")
class RouterTrafficOracleTest {
  @Test
  void forwardedAndNattedConnectionsEndAsSimulated() throws Exception {
    String reason = NetnsLab.unavailableReason();
    Assumptions.assumeTrue(reason == null, reason);
    Path dir = Path.of(getClass().getResource("/org/opsbook/checker/iptables/sim/router.input").toURI()).getParent();
    String input = Files.readString(dir.resolve("router.input"), StandardCharsets.UTF_8);
    StringBuilder rules = new StringBuilder();
    String host = "";
    for (String line : input.substring(0, input.indexOf("--- packets")).split("\n")) {
      if (line.startsWith("@host=")) {
        host = line.substring(6);
      } else {
        rules.append(line).append('\n');
      }
    }
    try (NetnsLab lab = NetnsLab.create("rtr")) {
      String wan = lab.addClient("eth0", "203.0.113.2/24", List.of("203.0.113.9/24", "198.51.100.7/24", "93.184.216.34/24"), "203.0.113.2",
          List.of("198.51.100.0/24", "93.184.216.0/24"));
      String lan = lab.addClient("eth1", "10.0.0.1/24", List.of("10.0.0.20/24", "10.0.0.5/24"), "10.0.0.1", List.of());
      assertEquals(0, lab.inHost("sysctl -qw net.ipv4.ip_forward=1"));
      for (String line : rules.toString().split("\n")) {
        assertEquals(0, lab.inHost(line), line);
      }
      lab.listenIn(lan, List.of("tcp:0.0.0.0:22", "tcp:0.0.0.0:80"));
      lab.listenIn(wan, List.of("tcp:0.0.0.0:80"));

      PacketSimulator sim = new PacketSimulator(
          IptablesParser.parse(Snippet.ofFile("iptables", rules.toString(), "router.input"), List.of()).ruleset(),
          HostAddresses.declared(host), false);
      List<String> expected = new ArrayList<>();
      List<String> actual = new ArrayList<>();
      for (String line : Files.readAllLines(dir.resolve("router-traffic.packets"), StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        Packet p = PacketQuestion.parse(line).packet();
        expected.add(line + " => " + sim.simulate(p).action());
        String[] parts = line.split("[ :]+");
        String client = "eth0".equals(p.in()) ? wan : lan;
        actual.add(line + " => " + lab.probe(client, p.protocol(), parts[1], parts[4], p.destinationPort()));
      }
      System.out.println("router traffic:\n  " + String.join("\n  ", actual));
      assertEquals(String.join("\n", actual), String.join("\n", expected));
    }
  }
}

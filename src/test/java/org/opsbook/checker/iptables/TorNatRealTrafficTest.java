package org.opsbook.checker.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.sim.HostAddresses;
import org.opsbook.checker.iptables.sim.NetnsLab;
import org.opsbook.checker.iptables.sim.Packet;
import org.opsbook.checker.iptables.sim.PacketQuestion;
import org.opsbook.checker.iptables.sim.PacketSimulator;
import org.opsbook.checker.iptables.syntax.IptablesParser;

/**
 * The Tor/NAT article's rule set, loaded for real in namespaces of the test's own with the same
 * interface names: each TCP or UDP test case of the article is replayed as real traffic and must
 * end as the article says and as the simulator says. Before route_localnet is set, the captured
 * TCP connection must die as a martian, as the article warns.
 */
@Tag("oracle")
class TorNatRealTrafficTest {
  @Test
  void articleTestCasesHoldForRealTraffic() throws Exception {
    String reason = NetnsLab.unavailableReason();
    Assumptions.assumeTrue(reason == null, reason);
    String relative = "articles/tor-nat-sandbox/index.md";
    List<Snippet> snippets = ArticleSnippets.read(Path.of(System.getProperty("opsbook.root", ".")).resolve("content").resolve(relative), relative);
    Snippet rules = snippets.stream().filter(s -> s.id().orElse("").equals("tornet")).findFirst().orElseThrow();
    Snippet tests = snippets.stream().filter(s -> s.language().equals("test")).findFirst().orElseThrow();
    var ruleset = IptablesParser.parse(rules, List.of()).ruleset();
    HostAddresses host = HostAddresses.declared(rules.attribute("host").orElseThrow());

    try (NetnsLab lab = NetnsLab.create("tor")) {
      String sandbox = lab.addClient("tornet", "10.100.100.1/24", List.of("10.100.100.29/24"), "10.100.100.1", List.of());
      String uplink = lab.addClient("eno1", "10.0.0.1/24", List.of("10.0.0.2/24", "192.0.2.10/24", "198.51.100.7/24"), "10.0.0.1",
          List.of("192.0.2.0/24", "198.51.100.0/24"));
      for (String line : rules.lines()) {
        if (line.startsWith("iptables")) {
          assertEquals(0, lab.inHost(line), line);
        }
      }
      lab.listen(List.of("tcp:127.0.0.1:9040", "udp:127.0.0.1:5353", "tcp:0.0.0.0:22", "udp:0.0.0.0:123"));

      String first = "tcp 10.100.100.29:43210 -> 93.184.216.34:80 in=tornet";
      String martian = new PacketSimulator(ruleset, host, false).simulate(PacketQuestion.parse(first).packet()).action();
      assertEquals("DROP", martian);
      assertEquals(martian, lab.probe(sandbox, "tcp", "10.100.100.29", "93.184.216.34", 80), "without route_localnet");

      assertEquals(0, lab.inHost("sysctl -qw net.ipv4.conf.tornet.route_localnet=1"));
      PacketSimulator sim = new PacketSimulator(ruleset, host, true);
      List<String> expected = new ArrayList<>();
      List<String> real = new ArrayList<>();
      List<String> simulated = new ArrayList<>();
      for (String line : tests.lines()) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("icmp")) {
          continue; // no ICMP probe here
        }
        String packetText = line.substring(0, line.indexOf("=>")).strip();
        String[] outcome = line.substring(line.indexOf("=>") + 2).split(",");
        Packet p = PacketQuestion.parse(packetText).packet();
        expected.add(packetText + " => " + outcome[outcome.length - 1].strip());
        simulated.add(packetText + " => " + sim.simulate(p).action());
        String client = "tornet".equals(p.in()) ? sandbox : uplink;
        String[] parts = packetText.split("[ :]+");
        real.add(packetText + " => " + lab.probe(client, p.protocol(), parts[1], parts[4], p.destinationPort()));
      }
      System.out.println("tor article, real traffic:\n  " + String.join("\n  ", real));
      assertEquals(String.join("\n", expected), String.join("\n", real));
      assertEquals(String.join("\n", expected), String.join("\n", simulated));
    }
  }
}

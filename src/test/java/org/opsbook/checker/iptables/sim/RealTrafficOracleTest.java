package org.opsbook.checker.iptables.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.syntax.IptablesParser;

/**
 * Checks simulator verdicts against real traffic: two namespaces of the test's own joined by a
 * veth pair (10.200.0.1 on the host side, client addresses 10.200.0.2-9), the rules loaded in the
 * host namespace, a listener on every port tried, and one TCP connection per packet. A completed
 * connection is ACCEPT, a refused one REJECT, a timeout DROP. Nothing outside the two namespaces
 * is touched; both are deleted afterwards.
 */
@Tag("oracle")
class RealTrafficOracleTest {
  private static final String LISTENER = String.join("\n",
      "import socket, select, sys",
      "socks = []",
      "for p in (22, 80, 443, 8080, 2222, 2223, 9999):",
      "    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
      "    s.bind(('0.0.0.0', p)); s.listen(16); socks.append(s)",
      "print('ready', flush=True)",
      "while True:",
      "    for s in select.select(socks, [], [])[0]:",
      "        c, _ = s.accept(); c.close()");
  private static final String CLIENT = String.join("\n",
      "import socket, sys",
      "s = socket.socket(); s.settimeout(0.8); s.bind((sys.argv[1], 0))",
      "try:",
      "    s.connect((sys.argv[2], int(sys.argv[3]))); print('ACCEPT')",
      "except ConnectionRefusedError:",
      "    print('REJECT')",
      "except OSError:",
      "    print('DROP')");

  @Test
  void simulatorVerdictsMatchRealConnections() throws Exception {
    Assumptions.assumeTrue(run("iptables", "--version") == 0, "iptables is not installed");
    Assumptions.assumeTrue(run("python3", "--version") == 0, "python3 is needed for the listener and the client");
    String tag = Long.toString(ProcessHandle.current().pid());
    String host = "opsbook-t-h" + tag;
    String client = "opsbook-t-c" + tag;
    boolean created = run("ip", "netns", "add", host) == 0;
    Assumptions.assumeTrue(created, "cannot create network namespaces (needs root and iproute2)");
    Process listener = null;
    try {
      require(run("ip", "netns", "add", client));
      require(run("ip", "link", "add", "h0", "netns", host, "type", "veth", "peer", "name", "c0", "netns", client));
      require(run("ip", "-n", host, "addr", "add", "10.200.0.1/24", "dev", "h0"));
      for (String a : List.of("2", "3", "4", "5", "9")) {
        require(run("ip", "-n", client, "addr", "add", "10.200.0." + a + "/24", "dev", "c0"));
      }
      for (String ns : List.of(host, client)) {
        require(run("ip", "-n", ns, "link", "set", "lo", "up"));
      }
      require(run("ip", "-n", host, "link", "set", "h0", "up"));
      require(run("ip", "-n", client, "link", "set", "c0", "up"));

      Path dir = Path.of(getClass().getResource("/org/opsbook/checker/iptables/sim/real-traffic.rules").toURI()).getParent();
      String rules = Files.readString(dir.resolve("real-traffic.rules"), StandardCharsets.UTF_8);
      for (String line : rules.split("\n")) {
        require(run("ip", "netns", "exec", host, "sh", "-c", line));
      }
      listener = new ProcessBuilder("ip", "netns", "exec", host, "python3", "-c", LISTENER).redirectErrorStream(true).start();
      BufferedReader ready = new BufferedReader(new InputStreamReader(listener.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("ready", ready.readLine());
      Thread.sleep(1500); // let the address leave the tentative state

      Snippet snippet = Snippet.ofFile("iptables", rules, "real-traffic.rules");
      PacketSimulator sim = new PacketSimulator(IptablesParser.parse(snippet, List.of()).ruleset(), HostAddresses.declared("h0:10.200.0.1"), false);
      List<String> expected = new ArrayList<>();
      List<String> actual = new ArrayList<>();
      for (String line : Files.readAllLines(dir.resolve("real-traffic.packets"), StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        Packet p = TestRunner.parsePacket(line + " in=h0").packet();
        expected.add(line + " => " + sim.simulate(p).action());
        String[] parts = line.split("[ :]+");
        actual.add(line + " => " + output("ip", "netns", "exec", client, "python3", "-c", CLIENT, parts[1], parts[4], parts[5]).strip());
      }
      System.out.println("real traffic: " + actual.size() + " connections compared with the simulator\n  " + String.join("\n  ", actual));
      assertEquals(String.join("\n", actual), String.join("\n", expected));
    } finally {
      if (listener != null) {
        listener.destroyForcibly();
        listener.waitFor(5, TimeUnit.SECONDS);
      }
      run("ip", "netns", "del", client);
      run("ip", "netns", "del", host);
    }
  }

  private static void require(int rc) {
    if (rc != 0) {
      throw new IllegalStateException("setup command failed with status " + rc);
    }
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return -1;
    }
    p.getInputStream().readAllBytes();
    return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }

  private static String output(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(20, TimeUnit.SECONDS);
    return out;
  }
}

package org.opsbook.checker.iptables;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Snippet;
import org.opsbook.snippet.TestBlockParser;

/**
 * Bad input is a diagnostic, never an exception: the oracle snippets, mutated word by word with a
 * fixed seed, go through check, highlight, query and test runs.
 */
class NeverThrowsTest {
  private static final List<String> NOISE = List.of("!", "\\!", "-j", "-m", "-p", "--dport", "--to-ports", "'", "\"", "\\",
      "$X", "${Y}", ":", "*nat", "COMMIT", ":INPUT", "-A", "-I", "-P", "0", "99999999999", "-", "--", "--=", "-t", "=", "1:",
      ":65536", "10.0.0.1/", "/", "[::1]:", "-s", "tcp", "DNAT", "--to-destination", ";", "&&", "<<EOF", "#", "-nvL", "-I INPUT 0");
  private static final List<String> PACKETS = List.of("tcp 1.2.3.4:1 -> 5.6.7.8:2", "tcp 1.2.3.4 -> 5.6.7.8", "icmp 1.2.3.4 -> 5.6.7.8 in=eth0",
      "udp 1.2.3.4:99999 -> 5.6.7.8:1", "x", "", "tcp 1.2.3.4:1 -> 5.6.7.8:2 state=BOGUS", "tcp 300.2.3.4:1 -> 5.6.7.8:2 in=",
      "tcp 1.2.3.4:1 -> 127.0.0.1:2 uid=abc mark=zz flags=SYN,FOO", "udp 1.2.3.4:1 -> 5.6.7.8:2 in=lo out=eth0 => DROP");

  @Test
  void mutatedSnippetsNeverThrow() throws IOException, URISyntaxException {
    Path dir = Path.of(getClass().getResource("/org/opsbook/checker/iptables/oracle").toURI());
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".txt")).sorted().toList();
    }
    IptablesChecker checker = new IptablesChecker();
    Random random = new Random(20260518L);
    int runs = 0;
    for (Path f : files) {
      String name = f.getFileName().toString();
      String language = name.substring(name.indexOf('.') + 1);
      String text = Files.readString(f, StandardCharsets.UTF_8);
      for (int round = 0; round < 12; round++) {
        String mutated = mutate(text, random);
        Snippet s = Snippet.of(language, mutated, name, Map.of("host", "eth0:10.0.0.1", "id", "x"));
        Snippet tests = Snippet.of("test", String.join("\n", PACKETS.get(random.nextInt(PACKETS.size())) + " => ACCEPT",
            PACKETS.get(random.nextInt(PACKETS.size()))) + "\n", "t", Map.of());
        try {
          checker.check(s, CheckContext.empty().withArticleSnippets(List.of(s)));
          checker.highlight(mutated, language);
          checker.query(s, PACKETS.get(random.nextInt(PACKETS.size())), CheckContext.empty());
          checker.runTests(s, TestBlockParser.parse(tests).block(), CheckContext.empty());
          runs++;
        } catch (RuntimeException e) {
          fail("exception on " + name + " mutated to:\n" + mutated, e);
        }
      }
    }
    if (runs == 0) {
      fail("no snippets were run");
    }
  }

  @Test
  void trickyValuesInRulesAndPacketsNeverThrow() {
    IptablesChecker checker = new IptablesChecker();
    String rules = String.join("\n",
        "P=8080",
        "iptables -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports $PORT",
        "iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination $DEST",
        "iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source $SRC",
        "iptables -A INPUT -m mark --mark 0xFFFFFFFFFFFFFFFFFFFF -j ACCEPT",
        "iptables -A INPUT -p tcp --dport $P -j ACCEPT",
        "iptables -A OUTPUT -m owner --uid-owner 99999999999999999999 -j ACCEPT",
        "iptables -A INPUT -p tcp -m multiport --dports $PORTS -j ACCEPT",
        "iptables -A INPUT -m iprange --src-range $R -j ACCEPT",
        "iptables -A INPUT -p $PROTO -s $NET -i $IF -j $TARGET",
        "iptables -A $CHAIN -j ACCEPT",
        "iptables -I INPUT $N -j ACCEPT") + "\n";
    Snippet s = Snippet.of("iptables", rules, "t", Map.of("host", "x,eth0:1.2.3.4,=,:"));
    List<String> packets = List.of("tcp 1.2.3.4:99999999999999 -> 5.6.7.8:1", "tcp 1.2.3.4:1 -> 5.6.7.8:2 uid=99999999999999999999999 mark=0xFFFFFFFFFFFFFFFFFFFFF",
        "tcp 1.2.3.4:1 -> 5.6.7.8:2 state=new uid=root", "udp 10.0.0.1:1 -> 127.0.0.1:53", "tcp 1.2.3.4:1 -> 5.6.7.8:2 flags=");
    try {
      checker.check(s, CheckContext.empty());
      for (String p : packets) {
        checker.query(s, p, CheckContext.empty());
      }
      checker.runTests(s, TestBlockParser.parse(Snippet.of("test", String.join(" => DROP\n", packets) + " => DROP\n", "t", Map.of())).block(), CheckContext.empty());
    } catch (RuntimeException e) {
      fail("exception", e);
    }
  }

  private static String mutate(String text, Random random) {
    List<String> words = new ArrayList<>(List.of(text.split(" ", -1)));
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits && !words.isEmpty(); i++) {
      int at = random.nextInt(words.size());
      switch (random.nextInt(4)) {
        case 0 -> words.remove(at);
        case 1 -> words.add(at, NOISE.get(random.nextInt(NOISE.size())));
        case 2 -> words.set(at, NOISE.get(random.nextInt(NOISE.size())));
        default -> words.add(at, words.get(random.nextInt(words.size())));
      }
    }
    String joined = String.join(" ", words);
    return random.nextInt(5) == 0 ? joined.substring(0, random.nextInt(joined.length() + 1)) : joined;
  }
}

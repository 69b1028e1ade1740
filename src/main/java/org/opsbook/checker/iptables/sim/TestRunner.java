package org.opsbook.checker.iptables.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestReport;
import org.opsbook.check.TestResult;
import org.opsbook.checker.iptables.syntax.IptablesParser;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/**
 * Reads test cases and queries in opsbook's packet grammar and runs them through the
 * {@link PacketSimulator}:
 *
 * <pre>
 * PROTO SRC[:PORT] -> DST[:PORT] [in=IFACE] [out=IFACE] [state=NEW] [uid=N] [flags=SYN,ACK] => [REWRITE, ...] VERDICT
 * </pre>
 *
 * A packet without {@code in=} is sent by the host itself. Stateless.
 */
public final class TestRunner {
  private static final Pattern PACKET = Pattern.compile(
      "(?<proto>[A-Za-z0-9]+)\\s+(?<src>[0-9.]+)(?::(?<sport>\\d{1,5}))?\\s*->\\s*(?<dst>[0-9.]+)(?::(?<dport>\\d{1,5}))?(?<attrs>(?:\\s+[A-Za-z-]+=\\S+)*)\\s*");
  private static final List<String> STATES = List.of("NEW", "ESTABLISHED", "RELATED", "INVALID", "UNTRACKED");
  private static final List<String> KEYS = List.of("in", "out", "state", "uid", "gid", "mark", "flags", "icmp-type", "mac", "pkt-type");

  /** A parsed packet, or why it could not be read ({@code packet} is then {@code null}). */
  public record Parsed(Packet packet, String error) {}

  public TestReport run(Snippet subject, List<Snippet> earlier, String articleText, Snippet tests) {
    List<TestResult> results = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    if (IptablesParser.family(subject).equals("ipv6")) {
      diags.add(ipv4Only(tests));
      return new TestReport(results, diags);
    }
    PacketSimulator sim = simulator(subject, earlier, articleText);
    List<String> lines = tests.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int col = lines.get(i).indexOf(line.charAt(0)) + 1;
      int arrow = line.indexOf("=>");
      if (arrow < 0) {
        diags.add(new Diagnostic(tests.at(i + 1, col), RuleId.of("iptables.test-syntax"), Severity.ERROR,
            "a test case reads PACKET => EXPECTED, but this line has no =>", "for example: tcp 198.51.100.7:5555 -> 10.0.0.1:22 in=eth0 => DROP"));
        continue;
      }
      Parsed p = parsePacket(line.substring(0, arrow));
      if (p.error() != null) {
        diags.add(new Diagnostic(tests.at(i + 1, col), RuleId.of("iptables.test-syntax"), Severity.ERROR, p.error(),
            "a packet reads PROTO SRC[:PORT] -> DST[:PORT] [in=IFACE] [out=IFACE] [state=NEW] [uid=N]"));
        continue;
      }
      List<String> expected = normalize(line.substring(arrow + 2));
      Verdict v = sim.simulate(p.packet());
      List<String> actual = normalize(v.outcome());
      // LOG entries count only when the case mentions them; a bare LOG matches any prefix
      if (expected.stream().noneMatch(e -> e.startsWith("LOG"))) {
        actual.removeIf(a -> a.startsWith("LOG"));
      } else {
        for (int k = 0; k < actual.size(); k++) {
          if (actual.get(k).startsWith("LOG") && k < expected.size() && expected.get(k).equals("LOG")) {
            actual.set(k, "LOG");
          }
        }
      }
      if (actual.equals(expected)) {
        results.add(TestResult.pass(tests.at(i + 1, col), line));
      } else {
        results.add(TestResult.fail(tests.at(i + 1, col), line,
            "expected " + String.join(", ", expected) + " but the packet got " + String.join(", ", actual) + "\n  " + String.join("\n  ", v.trace())));
      }
    }
    return new TestReport(results, diags);
  }

  public QueryResult query(Snippet subject, List<Snippet> earlier, String articleText, String query) {
    if (IptablesParser.family(subject).equals("ipv6")) {
      return QueryResult.failed(List.of(ipv4Only(subject)));
    }
    Parsed p = parsePacket(query);
    if (p.error() != null) {
      return QueryResult.failed(List.of(new Diagnostic(subject.fence(), RuleId.of("iptables.test-syntax"), Severity.ERROR, p.error(),
          "a packet reads PROTO SRC[:PORT] -> DST[:PORT] [in=IFACE] [out=IFACE] [state=NEW]")));
    }
    Verdict v = simulator(subject, earlier, articleText).simulate(p.packet());
    StringBuilder sb = new StringBuilder("packet: ").append(p.packet().describe()).append('\n');
    v.trace().forEach(t -> sb.append(t).append('\n'));
    return QueryResult.found(sb.toString());
  }

  private static Diagnostic ipv4Only(Snippet where) {
    return new Diagnostic(where.fence(), RuleId.of("iptables.test-syntax"), Severity.ERROR,
        "the packet simulator models IPv4 rule sets only; this snippet is " + where.language(),
        "state IPv6 behaviour in prose, or test the IPv4 counterpart");
  }

  private static PacketSimulator simulator(Snippet subject, List<Snippet> earlier, String articleText) {
    IptablesParser.Result parsed = IptablesParser.parse(subject, earlier);
    HostAddresses host = subject.attribute("host").map(HostAddresses::declared).orElseGet(() -> HostAddresses.inferred(parsed.ruleset()));
    boolean localnet = (subject.text() + "\n" + articleText).replace(" ", "").contains("route_localnet=1");
    return new PacketSimulator(parsed.ruleset(), host, localnet);
  }

  /** Reads a packet in the test grammar, without the {@code => ...} part. */
  public static Parsed parsePacket(String text) {
    Matcher m = PACKET.matcher(text.strip());
    if (!m.matches()) {
      return new Parsed(null, "cannot read the packet `" + text.strip() + "'");
    }
    String proto = m.group("proto").toLowerCase(Locale.ROOT);
    long src = Addresses.parse(m.group("src"));
    long dst = Addresses.parse(m.group("dst"));
    if (src < 0 || dst < 0) {
      return new Parsed(null, "bad address in `" + text.strip() + "'");
    }
    boolean ports = List.of("tcp", "udp", "sctp", "dccp", "udplite").contains(proto);
    if (ports != (m.group("dport") != null)) {
      return new Parsed(null, ports ? proto + " packets need SRC:PORT -> DST:PORT" : proto + " packets have no ports");
    }
    int sport = m.group("sport") == null ? 0 : Integer.parseInt(m.group("sport"));
    int dport = m.group("dport") == null ? 0 : Integer.parseInt(m.group("dport"));
    if (sport > 65535 || dport > 65535) {
      return new Parsed(null, "port out of range in `" + text.strip() + "'");
    }
    Map<String, String> attrs = new TreeMap<>();
    for (String a : m.group("attrs").strip().split("\\s+")) {
      if (a.isEmpty()) {
        continue;
      }
      String k = a.substring(0, a.indexOf('='));
      if (!KEYS.contains(k)) {
        return new Parsed(null, "unknown packet attribute `" + k + "'; known: " + String.join(", ", KEYS));
      }
      attrs.put(k, a.substring(a.indexOf('=') + 1));
    }
    String state = attrs.getOrDefault("state", "NEW").toUpperCase(Locale.ROOT);
    if (!STATES.contains(state)) {
      return new Parsed(null, "unknown state `" + state + "'; states are " + String.join(", ", STATES));
    }
    String in = attrs.remove("in");
    String out = attrs.remove("out");
    attrs.remove("state");
    return new Parsed(new Packet(proto, src, sport, dst, dport, in, out, state, attrs), null);
  }

  private static List<String> normalize(String outcome) {
    List<String> out = new ArrayList<>();
    for (String part : outcome.split(",")) {
      String p = part.strip().replaceAll("\\s+", " ");
      if (p.isEmpty()) {
        continue;
      }
      int sp = p.indexOf(' ');
      String word = (sp < 0 ? p : p.substring(0, sp)).toUpperCase(Locale.ROOT);
      // REDIRECT is a DNAT to one of the host's own addresses; either word states it
      out.add((word.equals("REDIRECT") ? "DNAT" : word) + (sp < 0 ? "" : p.substring(sp)));
    }
    return out;
  }
}

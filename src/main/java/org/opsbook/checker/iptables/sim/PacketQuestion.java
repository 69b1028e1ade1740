package org.opsbook.checker.iptables.sim;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the packet a test case or {@code opsbook query} asks about:
 *
 * <pre>
 * PROTO SRC[:PORT] -> DST[:PORT] [in=IFACE] [out=IFACE] [state=NEW|ESTABLISHED|RELATED|INVALID|UNTRACKED]
 *     [uid=N] [gid=N] [mark=N] [flags=SYN,ACK] [icmp-type=NAME] [mac=ADDR] [pkt-type=TYPE]
 *     [host=[IFACE:]ADDR,...]
 * </pre>
 *
 * A packet without {@code in=} is sent by the host itself. {@code host=} gives the host's own
 * interfaces and addresses for this one question, as the snippet's {@code host=} attribute does
 * for all of them. Pure functions.
 */
public final class PacketQuestion {
  /** The grammar in one line, for hints and help texts. */
  public static final String GRAMMAR = "PROTO SRC[:PORT] -> DST[:PORT] [in=IFACE] [out=IFACE] [state=NEW|ESTABLISHED|RELATED|INVALID|UNTRACKED]"
      + " [uid=N] [gid=N] [mark=N] [flags=SYN,ACK] [icmp-type=NAME] [mac=ADDR] [pkt-type=TYPE] [host=[IFACE:]ADDR,...]";

  // bounded repetitions: a question is short, and nothing here can backtrack far
  private static final Pattern PACKET = Pattern.compile(
      "(?<proto>[A-Za-z0-9]{1,20})\\s+(?<src>[0-9.]{1,15})(?::(?<sport>\\d{1,5}))?\\s*->\\s*(?<dst>[0-9.]{1,15})(?::(?<dport>\\d{1,5}))?"
          + "(?<attrs>(?:\\s+[A-Za-z-]+=\\S+)*)\\s*");
  private static final List<String> STATES = List.of("NEW", "ESTABLISHED", "RELATED", "INVALID", "UNTRACKED");
  private static final List<String> KEYS = List.of("in", "out", "state", "uid", "gid", "mark", "flags", "icmp-type", "mac", "pkt-type", "host");
  private static final int MAX_LENGTH = 2000;

  private PacketQuestion() {}

  /**
   * A packet that was read, or why not ({@code packet} is then {@code null}).
   *
   * @param host the question's {@code host=} value, or {@code null} when it gives none
   */
  public record Parsed(Packet packet, String host, String error) {
    static Parsed error(String message) {
      return new Parsed(null, null, message);
    }
  }

  /**
   * The text without the blanks the grammar's {@code \s} stands for at either end. String.strip()
   * also takes U+001C to U+001F, which {@code \S} lets into a value: a packet whose last value was
   * one of them read back from its own description as a different packet.
   */
  private static String trimBlanks(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isBlank(text.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  /** Reads a packet in the question grammar, without the {@code => ...} part. */
  public static Parsed parse(String text) {
    String q = trimBlanks(text);
    if (q.length() > MAX_LENGTH) {
      return Parsed.error("the question is " + q.length() + " characters long; a question is one packet: " + GRAMMAR);
    }
    Matcher m = PACKET.matcher(q);
    if (!m.matches()) {
      return Parsed.error("cannot read the packet `" + q + "'");
    }
    String proto = m.group("proto").toLowerCase(Locale.ROOT);
    long src = Addresses.parse(m.group("src"));
    long dst = Addresses.parse(m.group("dst"));
    if (src < 0 || dst < 0) {
      return Parsed.error("bad address in `" + q + "'");
    }
    boolean ports = List.of("tcp", "udp", "sctp", "dccp", "udplite").contains(proto);
    if (ports != (m.group("dport") != null) || !ports && m.group("sport") != null) {
      return Parsed.error(ports ? proto + " packets need SRC:PORT -> DST:PORT" : proto + " packets have no ports");
    }
    int sport = m.group("sport") == null ? 0 : Integer.parseInt(m.group("sport"));
    int dport = m.group("dport") == null ? 0 : Integer.parseInt(m.group("dport"));
    if (sport > 65535 || dport > 65535) {
      return Parsed.error("port out of range in `" + q + "'");
    }
    Map<String, String> attrs = new TreeMap<>();
    for (String a : m.group("attrs").split("\\s+")) {
      if (a.isEmpty()) {
        continue;
      }
      String k = a.substring(0, a.indexOf('='));
      if (!KEYS.contains(k)) {
        return Parsed.error("unknown packet attribute `" + k + "'; known: " + String.join(", ", KEYS));
      }
      attrs.put(k, a.substring(a.indexOf('=') + 1));
    }
    String state = attrs.getOrDefault("state", "NEW").toUpperCase(Locale.ROOT);
    if (!STATES.contains(state)) {
      return Parsed.error("unknown state `" + state + "'; states are " + String.join(", ", STATES));
    }
    String host = attrs.remove("host");
    if (host != null && HostAddresses.declared(host).addresses().isEmpty()) {
      return Parsed.error("host=" + host + " names no address; write host=ADDR or host=IFACE:ADDR, comma-separated");
    }
    String in = attrs.remove("in");
    String out = attrs.remove("out");
    attrs.remove("state");
    return new Parsed(new Packet(proto, src, sport, dst, dport, in, out, state, attrs), host, null);
  }
}

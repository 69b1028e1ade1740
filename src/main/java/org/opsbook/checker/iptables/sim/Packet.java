package org.opsbook.checker.iptables.sim;

import java.util.Map;

/**
 * A packet as a test case states it. Ports are 0 when the protocol has none. {@code in} is
 * {@code null} for a packet the host itself sends; {@code out} is {@code null} when the test does
 * not name the outgoing interface.
 *
 * @param state the conntrack state the packet has: NEW, ESTABLISHED, RELATED, INVALID or UNTRACKED
 * @param extra other attributes from the test ({@code uid}, {@code mark}, {@code flags},
 *     {@code icmp-type}, {@code mac}), sorted by key
 */
public record Packet(
    String protocol, long source, int sourcePort, long destination, int destinationPort,
    String in, String out, String state, Map<String, String> extra) {

  public Packet {
    extra = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(extra));
  }

  public Packet withDestination(long addr, int port) {
    return new Packet(protocol, source, sourcePort, addr, port, in, out, state, extra);
  }

  public Packet withSource(long addr, int port) {
    return new Packet(protocol, addr, port, destination, destinationPort, in, out, state, extra);
  }

  public Packet withInterfaces(String newIn, String newOut) {
    return new Packet(protocol, source, sourcePort, destination, destinationPort, newIn, newOut, state, extra);
  }

  public Packet withState(String newState) {
    return new Packet(protocol, source, sourcePort, destination, destinationPort, in, out, newState, extra);
  }

  public Packet withExtra(String key, String value) {
    Map<String, String> m = new java.util.TreeMap<>(extra);
    m.put(key, value);
    return new Packet(protocol, source, sourcePort, destination, destinationPort, in, out, state, m);
  }

  public Packet withoutExtra(String key) {
    Map<String, String> m = new java.util.TreeMap<>(extra);
    m.remove(key);
    return new Packet(protocol, source, sourcePort, destination, destinationPort, in, out, state, m);
  }

  public boolean hasPorts() {
    return protocol.equals("tcp") || protocol.equals("udp") || protocol.equals("sctp") || protocol.equals("dccp") || protocol.equals("udplite");
  }

  /** {@code 10.0.0.1:22}, or the bare address for protocols without ports. */
  public static String endpoint(long addr, int port, boolean ports) {
    return Addresses.format(addr) + (ports ? ":" + port : "");
  }

  /** One line, in the test grammar. */
  public String describe() {
    StringBuilder sb = new StringBuilder(protocol).append(' ')
        .append(endpoint(source, sourcePort, hasPorts())).append(" -> ").append(endpoint(destination, destinationPort, hasPorts()));
    if (in != null) {
      sb.append(" in=").append(in);
    }
    if (out != null) {
      sb.append(" out=").append(out);
    }
    sb.append(" state=").append(state);
    extra.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
    return sb.toString();
  }
}

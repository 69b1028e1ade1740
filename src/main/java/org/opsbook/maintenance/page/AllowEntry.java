package org.opsbook.maintenance.page;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One allow-list entry: an address and a prefix length. A single address has the full prefix (32
 * for IPv4, 128 for IPv6). The text form is normalised, so {@code 10.0.0.0/8} and the network
 * address of what the author wrote always agree.
 *
 * @param address the network address, host bits cleared
 * @param prefix the prefix length in bits
 */
public record AllowEntry(InetAddress address, int prefix) {

  public AllowEntry {
    Objects.requireNonNull(address, "address");
    int bits = address.getAddress().length * 8;
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("prefix " + prefix + " out of range for " + address);
    }
  }

  public boolean isIpv6() {
    return address.getAddress().length == 16;
  }

  /** Whether this entry is one host rather than a network. */
  public boolean isHost() {
    return prefix == address.getAddress().length * 8;
  }

  /** The bare address, without a prefix: {@code 192.0.2.0} or {@code 2001:db8::}. */
  public String addressText() {
    String text = address.getHostAddress();
    int zone = text.indexOf('%');
    text = zone < 0 ? text : text.substring(0, zone);
    return isIpv6() ? Ipv6Text.compress(address.getAddress()) : text;
  }

  /** {@code 192.0.2.7} for a host, {@code 10.0.0.0/8} for a network. */
  public String cidr() {
    return isHost() ? addressText() : addressText() + "/" + prefix;
  }

  /** Always with a prefix, {@code 192.0.2.7/32}, for servers that want one. */
  public String cidrWithPrefix() {
    return addressText() + "/" + prefix;
  }

  @Override
  public String toString() {
    return cidr();
  }
}

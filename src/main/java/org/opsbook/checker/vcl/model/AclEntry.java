package org.opsbook.checker.vcl.model;

/**
 * One entry of an ACL, as VCC stores it: the network (address bytes with the bits beyond the mask
 * cleared), the prefix length, and whether it is negated with {@code !}.
 *
 * @param text the address as written, without quotes and mask
 * @param network 4 bytes for IPv4, 16 for IPv6; {@code null} for a host name, which VCC resolves
 *     when it compiles and opsbook cannot
 * @param prefix the mask length in bits
 * @param hostBits whether the written address had bits set beyond the mask
 * @param optional whether it was written in parentheses (a name that does not resolve is skipped)
 */
public record AclEntry(Pos pos, boolean negated, String text, byte[] network, int prefix, boolean hostBits,
    boolean optional) {
  public AclEntry {
    network = network == null ? null : network.clone();
  }

  @Override
  public byte[] network() {
    return network == null ? null : network.clone();
  }

  public boolean isName() {
    return network == null;
  }

  /** The entry in CIDR form, {@code 192.0.2.0/24}. */
  public String cidr() {
    return network == null ? text : Addresses.format(network) + "/" + prefix;
  }
}

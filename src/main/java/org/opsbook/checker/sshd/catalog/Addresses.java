package org.opsbook.checker.sshd.catalog;

import org.opsbook.checker.openssh.WildcardPattern;
import java.util.Optional;

/**
 * IP address literals and sshd's address lists (addrmatch.c): no DNS, numeric forms only. IPv4
 * literals are dotted quads; IPv6 literals may use {@code ::} and an embedded IPv4 tail.
 */
public final class Addresses {
  private Addresses() {}

  /** Parses a numeric IPv4 or IPv6 address into 4 or 16 bytes. */
  public static Optional<byte[]> parse(String text) {
    if (text.indexOf(':') >= 0) {
      return parseV6(text);
    }
    return parseV4(text);
  }

  private static Optional<byte[]> parseV4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return Optional.empty();
      }
      out[i] = (byte) v;
    }
    return Optional.of(out);
  }

  private static Optional<byte[]> parseV6(String text) {
    int dbl = text.indexOf("::");
    if (dbl >= 0 && text.indexOf("::", dbl + 1) >= 0) {
      return Optional.empty();
    }
    String head = dbl >= 0 ? text.substring(0, dbl) : text;
    String tail = dbl >= 0 ? text.substring(dbl + 2) : "";
    int[] headGroups = groups(head);
    int[] tailGroups = groups(tail);
    if (headGroups == null || tailGroups == null) {
      return Optional.empty();
    }
    int total = headGroups.length + tailGroups.length;
    if ((dbl < 0 && total != 8) || (dbl >= 0 && total > 7)) {
      return Optional.empty();
    }
    int[] all = new int[8];
    System.arraycopy(headGroups, 0, all, 0, headGroups.length);
    System.arraycopy(tailGroups, 0, all, 8 - tailGroups.length, tailGroups.length);
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[2 * i] = (byte) (all[i] >> 8);
      out[2 * i + 1] = (byte) all[i];
    }
    return Optional.of(out);
  }

  /** Hex groups of one side of {@code ::}; a trailing dotted quad counts as two groups. */
  private static int[] groups(String side) {
    if (side.isEmpty()) {
      return new int[0];
    }
    String[] parts = side.split(":", -1);
    int extra = parts[parts.length - 1].indexOf('.') >= 0 ? 1 : 0;
    int[] out = new int[parts.length + extra];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (i == parts.length - 1 && extra == 1) {
        Optional<byte[]> v4 = parseV4(p);
        if (v4.isEmpty()) {
          return null;
        }
        byte[] b = v4.get();
        out[i] = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        out[i + 1] = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        continue;
      }
      if (p.isEmpty() || p.length() > 4) {
        return null;
      }
      try {
        out[i] = Integer.parseInt(p, 16);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return out;
  }

  /** A parsed {@code address[/masklen]} entry. */
  public record Network(byte[] address, int maskLength) {}

  /** How an entry of an address list reads. */
  public enum CidrKind {
    /** Not an address: sshd treats the entry as a wildcard pattern on the address text. */
    NOT_AN_ADDRESS,
    /** An address whose mask is too long or leaves host bits set: sshd rejects the list. */
    INCONSISTENT,
    /** A network sshd matches numerically. */
    NETWORK
  }

  /** The outcome of reading one list entry; {@code network} is set only for {@link CidrKind#NETWORK}. */
  public record Cidr(CidrKind kind, Network network) {}

  /** addr.c addr_pton_cidr(): one {@code address[/masklen]} entry. */
  public static Cidr parseCidr(String text) {
    String addr = text;
    int mask = -1;
    int slash = text.indexOf('/');
    if (slash >= 0) {
      addr = text.substring(0, slash);
      String m = text.substring(slash + 1);
      if (m.isEmpty() || m.length() > 4 || !m.chars().allMatch(Character::isDigit) || Integer.parseInt(m) > 128) {
        return new Cidr(CidrKind.NOT_AN_ADDRESS, null);
      }
      mask = Integer.parseInt(m);
    }
    Optional<byte[]> parsed = parse(addr);
    if (parsed.isEmpty()) {
      return new Cidr(CidrKind.NOT_AN_ADDRESS, null);
    }
    byte[] bytes = parsed.get();
    int bits = bytes.length * 8;
    if (mask < 0) {
      mask = bits;
    }
    if (mask > bits || !hostBitsZero(bytes, mask)) {
      return new Cidr(CidrKind.INCONSISTENT, null);
    }
    return new Cidr(CidrKind.NETWORK, new Network(bytes, mask));
  }

  private static boolean hostBitsZero(byte[] bytes, int mask) {
    for (int bit = mask; bit < bytes.length * 8; bit++) {
      if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code address} lies in {@code net}. Different families never match. */
  public static boolean contains(Network net, byte[] address) {
    if (net.address().length != address.length) {
      return false;
    }
    for (int bit = 0; bit < net.maskLength(); bit++) {
      int m = 0x80 >> (bit % 8);
      if ((net.address()[bit / 8] & m) != (address[bit / 8] & m)) {
        return false;
      }
    }
    return true;
  }

  /**
   * addrmatch.c addr_match_list(): 1 if the address matches, -1 if a negated entry matches, 0 if
   * nothing matches, -2 if the list is malformed (an empty entry or a bad network). With a
   * {@code null} address only the list's syntax is checked (0 or -2).
   */
  public static int matchList(String address, String list) {
    byte[] subject = null;
    if (address != null) {
      Optional<byte[]> parsed = parse(address);
      if (parsed.isEmpty()) {
        return 0;
      }
      subject = parsed.get();
    }
    int result = 0;
    for (String raw : list.split(",", -1)) {
      boolean negated = raw.startsWith("!");
      String entry = negated ? raw.substring(1) : raw;
      if (entry.isEmpty()) {
        return -2;
      }
      Cidr cidr = parseCidr(entry);
      if (cidr.kind() == CidrKind.INCONSISTENT) {
        return -2;
      }
      boolean hit = cidr.kind() == CidrKind.NETWORK
          ? subject != null && contains(cidr.network(), subject)
          : address != null && WildcardPattern.matches(address, entry);
      if (hit) {
        if (negated) {
          return -1;
        }
        result = 1;
      }
    }
    return result;
  }
}

package org.opsbook.maintenance.page;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads allow-list entries written as an address or a CIDR network. Only literal addresses are
 * accepted: host names would make {@link InetAddress} ask DNS, and a server's allow-list cannot
 * hold a name anyway.
 */
public final class AllowEntryParser {
  private static final Pattern IPV4 = Pattern.compile("(?:0|[1-9][0-9]{0,2})(?:\\.(?:0|[1-9][0-9]{0,2})){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final Pattern PREFIX = Pattern.compile("0|[1-9][0-9]{0,2}");

  private AllowEntryParser() {}

  /** The outcome: an entry, or why the text is not one. */
  public record Result(Optional<AllowEntry> entry, String problem, boolean hostBitsSet) {}

  public static Result parse(String text) {
    String trimmed = text.strip();
    String addressPart = trimmed;
    String prefixPart = null;
    int slash = trimmed.indexOf('/');
    if (slash >= 0) {
      addressPart = trimmed.substring(0, slash);
      prefixPart = trimmed.substring(slash + 1);
    }
    byte[] bytes;
    if (IPV4.matcher(addressPart).matches()) {
      bytes = ipv4(addressPart);
      if (bytes == null) {
        return failure("'" + text + "' is not an IPv4 address: each part must be 0 to 255");
      }
    } else if (IPV6.matcher(addressPart).matches()) {
      bytes = ipv6(addressPart);
      if (bytes == null) {
        return failure("'" + text + "' is not a valid IPv6 address");
      }
    } else {
      return failure("'" + text + "' is not an IP address or CIDR network (host names are not accepted)");
    }
    int bits = bytes.length * 8;
    int prefix = bits;
    if (prefixPart != null) {
      if (!PREFIX.matcher(prefixPart).matches() || Integer.parseInt(prefixPart) > bits) {
        return failure("'" + text + "' has prefix length '" + prefixPart + "'; it must be 0 to " + bits);
      }
      prefix = Integer.parseInt(prefixPart);
    }
    boolean hostBits = clearHostBits(bytes, prefix);
    try {
      // Inet6Address keeps a v4-mapped address as 16 bytes; InetAddress.getByAddress would shorten it to 4.
      InetAddress address = bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
      return new Result(Optional.of(new AllowEntry(address, prefix)), null, hostBits);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a 4- or 16-byte array is always an address", e);
    }
  }

  private static Result failure(String problem) {
    return new Result(Optional.empty(), problem, false);
  }

  private static boolean clearHostBits(byte[] bytes, int prefix) {
    boolean changed = false;
    for (int i = 0; i < bytes.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      int mask = keep == 0 ? 0 : (0xff << (8 - keep)) & 0xff;
      byte cleared = (byte) (bytes[i] & mask);
      changed |= cleared != bytes[i];
      bytes[i] = cleared;
    }
    return changed;
  }

  private static byte[] ipv4(String text) {
    String[] parts = text.split("\\.");
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      int value = Integer.parseInt(parts[i]);
      if (value > 255) {
        return null;
      }
      bytes[i] = (byte) value;
    }
    return bytes;
  }

  /** RFC 4291 2.2 text forms, including one {@code ::} and a trailing dotted IPv4 part. */
  private static byte[] ipv6(String text) {
    int doubleColon = text.indexOf("::");
    if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
      return null;
    }
    String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
    String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
    int[] headGroups = groups(head);
    int[] tailGroups = groups(tail);
    if (headGroups == null || tailGroups == null) {
      return null;
    }
    int total = headGroups.length + tailGroups.length;
    if (doubleColon < 0 ? total != 8 : total > 7) {
      return null;
    }
    int[] all = new int[8];
    System.arraycopy(headGroups, 0, all, 0, headGroups.length);
    System.arraycopy(tailGroups, 0, all, 8 - tailGroups.length, tailGroups.length);
    byte[] bytes = new byte[16];
    for (int i = 0; i < 8; i++) {
      bytes[2 * i] = (byte) (all[i] >> 8);
      bytes[2 * i + 1] = (byte) all[i];
    }
    return bytes;
  }

  private static int[] groups(String text) {
    if (text.isEmpty()) {
      return new int[0];
    }
    String[] parts = text.split(":", -1);
    boolean dottedTail = parts[parts.length - 1].contains(".");
    int[] groups = new int[parts.length + (dottedTail ? 1 : 0)];
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (i == parts.length - 1 && dottedTail) {
        if (!IPV4.matcher(part).matches()) {
          return null;
        }
        byte[] v4 = ipv4(part);
        if (v4 == null) {
          return null;
        }
        groups[i] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        groups[i + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        continue;
      }
      if (part.isEmpty() || part.length() > 4 || part.contains(".")) {
        return null;
      }
      groups[i] = Integer.parseInt(part, 16);
    }
    return groups;
  }
}

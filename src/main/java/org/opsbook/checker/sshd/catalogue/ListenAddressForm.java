package org.opsbook.checker.sshd.catalogue;

/**
 * How servconf.c reads the address of a {@code ListenAddress} line: a bare IPv6 address (no
 * brackets, two or more colons) takes no port; otherwise misc.c hpdelim2() splits {@code host},
 * {@code host:port}, {@code [host]} and {@code [host]:port}, a {@code /} separator is refused, and
 * cleanhostname() drops the brackets.
 *
 * @param host the host part, brackets removed; may be empty, {@code *}, a number or a name
 * @param port the port text after the separator, or {@code null} when none was written
 * @param problem what sshd says when it refuses the form ("bad address:port usage"), or {@code null}
 */
public record ListenAddressForm(String host, String port, String problem) {

  public static ListenAddressForm parse(String v) {
    int colon = v.indexOf(':');
    if (v.indexOf('[') < 0 && colon >= 0 && v.indexOf(':', colon + 1) >= 0) {
      return new ListenAddressForm(v, null, null);
    }
    int sep;
    if (v.startsWith("[")) {
      int close = v.indexOf(']');
      if (close < 0) {
        return refused(v);
      }
      sep = close + 1;
      if (sep < v.length() && v.charAt(sep) != ':') {
        return refused(v);
      }
    } else {
      sep = firstOf(v, ":/");
      if (sep < 0) {
        sep = v.length();
      } else if (v.charAt(sep) == '/') {
        return refused(v);
      }
    }
    String host = v.substring(0, sep);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new ListenAddressForm(host, sep < v.length() ? v.substring(sep + 1) : null, null);
  }

  private static ListenAddressForm refused(String v) {
    return new ListenAddressForm(v, null, "bad address:port usage");
  }

  private static int firstOf(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}

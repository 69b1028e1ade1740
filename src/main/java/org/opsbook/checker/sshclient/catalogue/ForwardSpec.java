package org.opsbook.checker.sshclient.catalogue;

import org.opsbook.checker.net.ServicePorts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed forwarding specification (readconf.c parse_forward): a listen side and, except for
 * dynamic forwards, a connect side; either side may be a Unix socket path.
 *
 * @param listenHost the bind address or {@code null}
 * @param listenPort the port, or -2 for a socket path
 * @param listenPath the socket path or {@code null}
 * @param connectHost the target host, {@code socks} for dynamic forwards, or {@code null}
 * @param connectPort the target port, or -2 for a socket path
 */
public record ForwardSpec(
    String listenHost, int listenPort, String listenPath, String connectHost, int connectPort, String connectPath) {

  public static final int STREAMLOCAL = -2;

  /**
   * Parses {@code [listenhost:]listenport|listenpath:connecthost:connectport|connectpath} (or
   * {@code [listenhost:]listenport} for dynamic forwards); empty when ssh would reject it.
   */
  public static Optional<ForwardSpec> parse(String spec, boolean dynamic, boolean remote) {
    if (spec.contains("$")) {
      // ${VAR} is expanded by ssh before parsing; the value is unknown here.
      return Optional.of(new ForwardSpec(null, 1, null, "socks", 0, null));
    }
    String s = spec.stripLeading();
    List<String> args = new ArrayList<>();
    List<Boolean> paths = new ArrayList<>();
    int i = 0;
    boolean failed = false;
    while (args.size() < 4) {
      if (i >= s.length()) {
        break;
      }
      if (s.charAt(i) == '[') {
        int close = s.indexOf(']', i + 1);
        if (close < 0 || (close + 1 < s.length() && s.charAt(close + 1) != ':')) {
          failed = true;
          break;
        }
        String field = s.substring(i + 1, close);
        args.add(field);
        paths.add(field.contains("/"));
        i = close + 1 < s.length() ? close + 2 : close + 1;
        continue;
      }
      StringBuilder field = new StringBuilder();
      boolean path = false;
      boolean ended = false;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '\\') {
          if (i + 1 >= s.length()) {
            failed = true;
            break;
          }
          // the escaped character is taken literally, never as a separator or a path marker
          field.append(s.charAt(i + 1));
          i += 2;
          continue;
        }
        if (c == '/') {
          path = true;
        }
        if (c == ':') {
          i++;
          ended = true;
          break;
        }
        field.append(c);
        i++;
      }
      if (failed) {
        break;
      }
      args.add(field.toString());
      paths.add(path);
      if (!ended) {
        break;
      }
    }
    if (failed || i < s.length()) {
      return Optional.empty();
    }
    ForwardSpec f;
    switch (args.size()) {
      case 1 -> f = paths.get(0)
          ? new ForwardSpec(null, STREAMLOCAL, args.get(0), "socks", 0, null)
          : new ForwardSpec(null, port(args.get(0)), null, "socks", 0, null);
      case 2 -> {
        if (paths.get(0) && paths.get(1)) {
          f = new ForwardSpec(null, STREAMLOCAL, args.get(0), null, STREAMLOCAL, args.get(1));
        } else if (paths.get(1)) {
          f = new ForwardSpec(null, port(args.get(0)), null, null, STREAMLOCAL, args.get(1));
        } else {
          f = new ForwardSpec(args.get(0), port(args.get(1)), null, "socks", 0, null);
        }
      }
      case 3 -> {
        if (paths.get(0)) {
          f = new ForwardSpec(null, STREAMLOCAL, args.get(0), args.get(1), port(args.get(2)), null);
        } else if (paths.get(2)) {
          f = new ForwardSpec(args.get(0), port(args.get(1)), null, null, STREAMLOCAL, args.get(2));
        } else {
          f = new ForwardSpec(null, port(args.get(0)), null, args.get(1), port(args.get(2)), null);
        }
      }
      case 4 -> f = new ForwardSpec(args.get(0), port(args.get(1)), null, args.get(2), port(args.get(3)), null);
      default -> {
        return Optional.empty();
      }
    }
    int n = args.size();
    if (dynamic) {
      if (n != 1 && n != 2) {
        return Optional.empty();
      }
    } else {
      if (n != 3 && n != 4 && f.connectPath == null && f.listenPath == null) {
        return Optional.empty();
      }
      if (f.connectPort <= 0 && f.connectPath == null) {
        return Optional.empty();
      }
    }
    if ((f.listenPort < 0 && f.listenPath == null) || (!remote && f.listenPort == 0)) {
      return Optional.empty();
    }
    return Optional.of(f);
  }

  /** misc.c a2port: 0-65535 or a service name; service names are resolved for the common ones. */
  public static int port(String s) {
    // strtonum (like strtoll) accepts a leading plus sign
    String digits = s.startsWith("+") ? s.substring(1) : s;
    if (!digits.isEmpty() && digits.length() <= 5 && digits.chars().allMatch(Character::isDigit)) {
      int p = Integer.parseInt(digits);
      return p <= 65535 ? p : -1;
    }
    if (!s.isEmpty() && s.length() <= 5 && s.chars().allMatch(Character::isDigit)) {
      int p = Integer.parseInt(s);
      return p <= 65535 ? p : -1;
    }
    return ServicePorts.port(s);
  }

  public boolean isDynamic() {
    return "socks".equals(connectHost) && connectPath == null;
  }
}

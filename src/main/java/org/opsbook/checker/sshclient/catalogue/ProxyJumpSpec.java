package org.opsbook.checker.sshclient.catalogue;

import java.util.Optional;

/**
 * A ProxyJump value as readconf.c parse_jump reads it: comma-separated hops, each {@code
 * [user@]host[:port]} or {@code ssh://[user@]host[:port]}; the last hop is the one ssh connects to
 * first, the earlier ones travel on as {@code -J}.
 *
 * @param user the last hop's user or {@code null}
 * @param host the last hop's host, or {@code none}
 * @param port the last hop's port, or -1
 * @param extra the hops before the last, or {@code null}
 */
public record ProxyJumpSpec(String user, String host, int port, String extra) {

  /**
   * The part of a ProxyJump line that ssh uses: the raw text after the keyword, cut at a {@code #}
   * and, as the Debian 12 build of ssh 9.2 does (observed with {@code ssh -G}), at the first blank;
   * quotes are not removed.
   */
  public static String effectiveText(String rest) {
    String t = rest.strip();
    int hash = t.indexOf('#');
    if (hash >= 0) {
      t = t.substring(0, hash).strip();
    }
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) == ' ' || t.charAt(i) == '\t') {
        return t.substring(0, i);
      }
    }
    return t;
  }

  /** Whether ssh accepts the value (after comment removal). */
  public static boolean isValid(String spec) {
    return parse(spec).isPresent();
  }

  public static Optional<ProxyJumpSpec> parse(String spec) {
    if (spec.equalsIgnoreCase("none")) {
      return Optional.of(new ProxyJumpSpec(null, "none", 0, null));
    }
    String[] hops = spec.split(",", -1);
    Hop last = null;
    for (int i = hops.length - 1; i >= 0; i--) {
      Optional<Hop> hop = hop(hops[i]);
      if (hop.isEmpty()) {
        return Optional.empty();
      }
      if (last == null) {
        last = hop.get();
      }
    }
    int comma = spec.lastIndexOf(',');
    String extra = comma > 0 ? spec.substring(0, comma) : null;
    return Optional.of(new ProxyJumpSpec(last.user, last.host, last.port, extra));
  }

  private record Hop(String user, String host, int port) {}

  private static Optional<Hop> hop(String s) {
    if (s.startsWith("ssh://")) {
      return uri(s.substring(6));
    }
    String rest = s;
    String user = null;
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      if (at == 0) {
        return Optional.empty();
      }
      user = rest.substring(0, at);
      rest = rest.substring(at + 1);
    }
    String host;
    String port = null;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        return Optional.empty();
      }
      host = rest.substring(1, close);
      String after = rest.substring(close + 1);
      if (!after.isEmpty()) {
        if (after.charAt(0) != ':') {
          return Optional.empty();
        }
        port = after.substring(1);
      }
    } else {
      int sep = indexOfAny(rest, ":/");
      if (sep >= 0 && rest.charAt(sep) == '/') {
        return Optional.empty();
      }
      host = sep < 0 ? rest : rest.substring(0, sep);
      port = sep < 0 ? null : rest.substring(sep + 1);
    }
    if (host.isEmpty() && !rest.startsWith("[")) {
      return Optional.empty();
    }
    int p = -1;
    if (port != null && !port.isEmpty()) {
      p = ForwardSpec.port(port);
      if (p <= 0) {
        return Optional.empty();
      }
    }
    return Optional.of(new Hop(user, host, p));
  }

  private static Optional<Hop> uri(String s) {
    String user = null;
    int at = s.indexOf('@');
    if (at >= 0) {
      String u = s.substring(0, at);
      int semi = u.indexOf(';');
      if (semi >= 0) {
        u = u.substring(0, semi);
      }
      if (u.isEmpty()) {
        return Optional.empty();
      }
      user = u;
      s = s.substring(at + 1);
    }
    String host;
    String tail = null;
    char delim = 0;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        return Optional.empty();
      }
      host = s.substring(1, close);
      String after = s.substring(close + 1);
      if (!after.isEmpty()) {
        delim = after.charAt(0);
        if (delim != ':' && delim != '/') {
          return Optional.empty();
        }
        tail = after.substring(1);
      }
    } else {
      int sep = indexOfAny(s, ":/");
      host = sep < 0 ? s : s.substring(0, sep);
      if (sep >= 0) {
        delim = s.charAt(sep);
        tail = s.substring(sep + 1);
      }
    }
    if (!validDomain(host)) {
      return Optional.empty();
    }
    int port = -1;
    if (tail != null && !tail.isEmpty()) {
      if (delim == ':') {
        int slash = tail.indexOf('/');
        String ps = slash < 0 ? tail : tail.substring(0, slash);
        port = ForwardSpec.port(ps);
        if (port <= 0) {
          return Optional.empty();
        }
        tail = slash < 0 ? null : tail.substring(slash + 1);
      }
      if (tail != null && !tail.isEmpty()) {
        return Optional.empty(); // a path is not allowed in an ssh:// jump host
      }
    }
    return Optional.of(new Hop(user, host, port));
  }

  private static boolean validDomain(String name) {
    if (name.isEmpty() || !Character.isLetterOrDigit(name.charAt(0)) || name.charAt(0) > 127) {
      return false;
    }
    return !name.contains("..") && name.chars().allMatch(
        c -> c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_'));
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}

package org.opsbook.checker.sshd.effective;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The connection a query asks about, as {@code sshd -T -C} takes it: {@code user=}, {@code host=},
 * {@code addr=}, {@code laddr=}, {@code lport=}, {@code rdomain=}. Any field may be absent; sshd's
 * test mode then treats Match criteria on it as not matching. {@code groups=} is opsbook's: sshd
 * looks a user's groups up in the host's group database, which a snippet does not have.
 *
 * @param groups the user's groups, or {@code null} when the question does not say (then only a
 *     query on a host can look them up)
 */
public record ConnectionSpec(
    String user, String host, String addr, String laddr, Integer lport, String rdomain, List<String> groups) {

  public ConnectionSpec {
    groups = groups == null ? null : List.copyOf(groups);
  }

  public static final ConnectionSpec NONE = new ConnectionSpec(null, null, null, null, null, null, null);

  /** The same connection with the user's groups known. */
  public ConnectionSpec withGroups(List<String> known) {
    return new ConnectionSpec(user, host, addr, laddr, lport, rdomain, known);
  }

  /** The outcome of reading a spec: the spec, or what is wrong with it. */
  public record Parsed(ConnectionSpec spec, String error) {
    public Optional<ConnectionSpec> value() {
      return Optional.ofNullable(spec);
    }
  }

  /**
   * Reads {@code key=value} pairs separated by commas (sshd's syntax) or white space (easier in
   * test blocks). {@code groups=} may repeat, one group each; {@code groups=} alone says the user
   * is in no group.
   */
  public static Parsed parse(String text) {
    String user = null;
    String host = null;
    String addr = null;
    String laddr = null;
    Integer lport = null;
    String rdomain = null;
    List<String> groups = null;
    for (String part : text.trim().split("[,\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        return new Parsed(null, "invalid test mode specification '" + part + "': write key=value");
      }
      String key = part.substring(0, eq);
      String value = part.substring(eq + 1);
      switch (key) {
        case "user" -> user = value;
        case "host" -> host = value;
        case "addr" -> addr = value;
        case "laddr" -> laddr = value;
        case "rdomain" -> rdomain = value;
        case "groups", "group" -> {
          if (groups == null) {
            groups = new ArrayList<>();
          }
          if (!value.isEmpty()) {
            groups.add(value);
          }
        }
        case "lport" -> {
          try {
            int p = Integer.parseInt(value);
            if (p < 0 || p > 65535) {
              throw new NumberFormatException();
            }
            lport = p;
          } catch (NumberFormatException e) {
            return new Parsed(null, "invalid port '" + value + "' in test mode specification");
          }
        }
        default -> {
          return new Parsed(null, "invalid test mode specification '" + part
              + "': keys are user, host, addr, laddr, lport, rdomain (and groups for opsbook)");
        }
      }
    }
    return new Parsed(new ConnectionSpec(user, host, addr, laddr, lport, rdomain, groups), null);
  }
}

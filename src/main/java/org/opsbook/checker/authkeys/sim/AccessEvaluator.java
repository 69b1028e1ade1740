package org.opsbook.checker.authkeys.sim;

import org.opsbook.checker.openssh.Addresses;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.checker.authkeys.model.KeyLine;
import org.opsbook.checker.authkeys.model.KeyOption;
import org.opsbook.checker.authkeys.syntax.ExpiryTime;

/**
 * Decides, as sshd's auth-options.c and match.c do, whether a key line admits a connection from an
 * address and which restrictions then apply. Pure functions.
 */
public final class AccessEvaluator {
  private AccessEvaluator() {}

  /**
   * @param address the client address
   * @param hostName the client's name as sshd sees it (the address itself unless UseDNS is on)
   * @param at the time of the connection, or {@code null} to ignore expiry-time
   */
  public static Decision evaluate(KeyLine key, String address, String hostName, LocalDateTime at) {
    Map<String, String> settings = new TreeMap<>();
    for (String f : List.of("port-forwarding", "agent-forwarding", "x11-forwarding", "pty", "user-rc")) {
      settings.put(f, "yes");
    }
    List<String> open = new ArrayList<>();
    List<String> listen = new ArrayList<>();
    if (!key.optionsValid() || key.key().isEmpty()) {
      return new Decision(false, "sshd skips this line: it does not parse", settings, open, listen);
    }
    String from = null;
    LocalDateTime expiry = null;
    for (KeyOption o : key.options()) {
      switch (o.name()) {
        case "restrict" -> {
          for (String f : List.of("port-forwarding", "agent-forwarding", "x11-forwarding", "pty", "user-rc")) {
            settings.put(f, "no");
          }
        }
        case "port-forwarding", "agent-forwarding", "x11-forwarding", "pty", "user-rc" ->
            settings.put(o.name(), o.negated() ? "no" : "yes");
        case "command" -> settings.put("command", o.value());
        case "environment" -> settings.merge("environment", o.value(), (a, b) -> a + " " + b);
        case "principals" -> settings.put("principals", o.value());
        case "tunnel" -> settings.put("tunnel", o.value());
        case "cert-authority" -> settings.put("cert-authority", "yes");
        case "from" -> from = o.value();
        case "permitopen" -> open.add(o.value());
        case "permitlisten" -> listen.add(o.value().indexOf(':') < 0 ? o.value() : o.value());
        case "expiry-time" -> {
          // A value sshd cannot read makes the options invalid, which returned above.
          LocalDateTime t = expiry(o.value());
          if (expiry == null || t.isBefore(expiry)) {
            expiry = t;
          }
        }
        default -> { }
      }
    }
    // auth2-pubkeyfile.c auth_authorise_keyopts: expiry first, then principals= needs cert-authority
    if (expiry != null && at != null && !at.isBefore(expiry)) {
      return new Decision(false, "the key expired at " + expiry, settings, open, listen);
    }
    if (settings.containsKey("principals") && !settings.containsKey("cert-authority")) {
      return new Decision(false, "principals= without cert-authority: sshd denies every login with this line",
          settings, open, listen);
    }
    if (settings.containsKey("cert-authority")) {
      return new Decision(false, "a cert-authority line admits certificates signed by this key, not the key itself",
          settings, open, listen);
    }
    if (from != null) {
      int m = matchHostAndIp(hostName, address, from);
      if (m != 1) {
        return new Decision(false, m == -1 ? "from=\"" + from + "\" has an invalid address/mask, so sshd denies every address"
            : "from=\"" + from + "\" does not admit " + address, settings, open, listen);
      }
    }
    return new Decision(true, "allowed", settings, open, listen);
  }

  /**
   * The moment a valid expiry-time names (see {@link ExpiryTime}).
   *
   * @throws IllegalArgumentException for a value the option parser refuses
   */
  public static LocalDateTime expiry(String v) {
    return ExpiryTime.read(v).orElseThrow(() -> new IllegalArgumentException("not an expiry-time sshd reads: " + v));
  }

  /** match.c match_host_and_ip(), shared with sshd: see {@link Addresses#matchHostAndIp}. */
  public static int matchHostAndIp(String host, String ip, String patterns) {
    return Addresses.matchHostAndIp(host, ip, patterns);
  }
}

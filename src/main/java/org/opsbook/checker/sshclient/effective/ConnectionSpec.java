package org.opsbook.checker.sshclient.effective;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What ssh knows before it reads the configuration: the destination as typed ({@code ssh -G
 * HOST}), a user given on the command line ({@code -l alice} or {@code alice@HOST}), the local
 * account, and the exit status to assume for {@code Match exec} commands.
 *
 * @param host the destination as typed
 * @param user the remote user from the command line, or {@code null} to take it from the config
 * @param localUser the local account running ssh
 * @param execSucceeds what {@code Match exec} commands are assumed to return (they are not run)
 */
public record ConnectionSpec(String host, String user, String localUser, boolean execSucceeds) {
  public static final String DEFAULT_LOCAL_USER = "user";

  public ConnectionSpec {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(localUser, "localUser");
  }

  /** The local user's home directory as Debian lays it out. */
  public String home() {
    return localUser.equals("root") ? "/root" : "/home/" + localUser;
  }

  /**
   * Parses {@code host=bastion user=alice localuser=bob exec=true}, separated by blanks or commas.
   *
   * @param problems receives one message per unreadable part
   * @return the spec, or {@code null} when there is no host
   */
  public static ConnectionSpec parse(String text, List<String> problems) {
    String host = null;
    String user = null;
    String local = DEFAULT_LOCAL_USER;
    boolean exec = false;
    List<String> parts = new ArrayList<>();
    for (String p : text.trim().split("[\\s,]+")) {
      if (!p.isEmpty()) {
        parts.add(p);
      }
    }
    for (String p : parts) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        problems.add("'" + p + "' is not key=value; use host=, user=, localuser= or exec=");
        continue;
      }
      String key = p.substring(0, eq).toLowerCase(Locale.ROOT);
      String value = p.substring(eq + 1);
      switch (key) {
        case "host" -> host = value;
        case "user" -> user = value;
        case "localuser" -> local = value;
        case "exec" -> {
          if (!value.equals("true") && !value.equals("false")) {
            problems.add("exec= takes true or false, not '" + value + "'");
          }
          exec = value.equals("true");
        }
        default -> problems.add("unknown connection key '" + key + "'; use host=, user=, localuser= or exec=");
      }
    }
    if (host == null || host.isEmpty()) {
      problems.add("no host= given: name the destination as on the ssh command line");
      return null;
    }
    if (user != null && user.isEmpty()) {
      user = null;
    }
    return new ConnectionSpec(host, user, local, exec);
  }
}

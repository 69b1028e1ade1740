package org.opsbook.checker.authkeys.sim;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What sshd decides for one key and one connection.
 *
 * @param allowed whether the key may log in
 * @param reason why not, or a short summary when allowed
 * @param settings the restrictions in force, keyed by option name ({@code command}, {@code pty},
 *     {@code port-forwarding}...), values as {@code yes}/{@code no} or the option's text
 * @param permitOpen the permitopen targets, empty when unrestricted
 * @param permitListen the permitlisten targets, empty when unrestricted
 */
public record Decision(boolean allowed, String reason, Map<String, String> settings, List<String> permitOpen,
    List<String> permitListen) {
  public Decision {
    Objects.requireNonNull(reason);
    settings = Map.copyOf(settings);
    permitOpen = List.copyOf(permitOpen);
    permitListen = List.copyOf(permitListen);
  }
}

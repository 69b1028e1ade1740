package org.opsbook.checker.authkeys.model;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * An authorized_keys file as read at one moment: its key lines and the time that key expiry is
 * judged against (the build's clock, in UTC, never the system clock).
 */
public record KeyFile(AuthorizedKeys keys, LocalDateTime now) {
  public KeyFile {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(now, "now");
  }

  /** The lines sshd would use: those it skips (unreadable key, refused options) are left out. */
  public List<KeyLine> usable() {
    return keys.keys().stream().filter(k -> k.key().isPresent() && k.optionsValid()).toList();
  }
}

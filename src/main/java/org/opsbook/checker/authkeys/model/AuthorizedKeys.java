package org.opsbook.checker.authkeys.model;

import java.util.List;
import java.util.Optional;

/** A parsed authorized_keys file: its key lines in order. */
public record AuthorizedKeys(List<KeyLine> keys) {
  public AuthorizedKeys {
    keys = List.copyOf(keys);
  }

  /** The key at a 1-based index among key lines. */
  public Optional<KeyLine> key(int index) {
    return index >= 1 && index <= keys.size() ? Optional.of(keys.get(index - 1)) : Optional.empty();
  }
}

package org.opsbook.checker.authkeys.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One key line of an authorized_keys file.
 *
 * @param line 1-based line in the snippet
 * @param index 1-based position among the key lines (comments and blank lines not counted)
 * @param options the options in order; empty when the line has none or they did not parse
 * @param optionsValid whether sshd would accept the option list
 * @param keyType the declared key type, or the empty string when missing
 * @param keyTypeColumn its column
 * @param key what the base64 blob holds, if it decoded
 * @param comment the trailing comment, possibly empty
 */
public record KeyLine(
    int line,
    int index,
    List<KeyOption> options,
    boolean optionsValid,
    String keyType,
    int keyTypeColumn,
    Optional<PublicKeyInfo> key,
    String comment) {
  public KeyLine {
    options = List.copyOf(options);
    Objects.requireNonNull(keyType);
    Objects.requireNonNull(key);
    Objects.requireNonNull(comment);
  }

  /** The last option with a name (flags and their no- forms share the name). */
  public Optional<KeyOption> option(String name) {
    KeyOption found = null;
    for (KeyOption o : options) {
      if (o.name().equals(name)) {
        found = o;
      }
    }
    return Optional.ofNullable(found);
  }

  public boolean has(String name) {
    return option(name).isPresent();
  }
}

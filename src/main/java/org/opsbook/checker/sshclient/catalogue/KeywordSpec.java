package org.opsbook.checker.sshclient.catalogue;

import org.opsbook.checker.openssh.KeywordStatus;

import org.opsbook.checker.openssh.OpensshVersion;

import java.util.List;
import java.util.Objects;

/**
 * One keyword of ssh_config for one OpenSSH release.
 *
 * @param name the lower-case keyword
 * @param display the keyword as ssh_config(5) spells it
 * @param type how its arguments are parsed
 * @param words the accepted words for {@link ValueType#MULTISTATE}, in lower case
 * @param status what ssh does with it
 * @param canonical for an alias, the keyword it stands for; otherwise {@code name}
 * @param since the first release (of those the catalogue knows, 8.0 onwards) that accepts it
 * @param accumulates whether every occurrence adds a value instead of the first one winning
 */
public record KeywordSpec(
    String name,
    String display,
    ValueType type,
    List<String> words,
    KeywordStatus status,
    String canonical,
    OpensshVersion since,
    boolean accumulates) {
  public KeywordSpec {
    Objects.requireNonNull(name);
    Objects.requireNonNull(display);
    Objects.requireNonNull(type);
    words = List.copyOf(words);
    Objects.requireNonNull(status);
    Objects.requireNonNull(canonical);
    Objects.requireNonNull(since);
  }
}

package org.opsbook.checker.sshd.catalog;

import java.util.Optional;

/**
 * An OpenSSH release number such as {@code 9.2}, compared numerically ({@code 9.10 > 9.9}).
 *
 * @param major the part before the dot
 * @param minor the part after the dot
 */
public record OpensshVersion(int major, int minor) implements Comparable<OpensshVersion> {

  /** The release opsbook targets unless {@code sshd.version} says otherwise: Debian 12's sshd. */
  public static final OpensshVersion DEFAULT = new OpensshVersion(9, 2);

  /** Reads {@code 9.2}, {@code 9.2p1} or {@code OpenSSH_9.2p1}; empty when it is none of these. */
  public static Optional<OpensshVersion> parse(String text) {
    String s = text.trim();
    if (s.startsWith("OpenSSH_")) {
      s = s.substring("OpenSSH_".length());
    }
    int p = s.indexOf('p');
    if (p > 0) {
      s = s.substring(0, p);
    }
    int dot = s.indexOf('.');
    if (dot <= 0 || dot == s.length() - 1) {
      return Optional.empty();
    }
    try {
      return Optional.of(new OpensshVersion(Integer.parseInt(s.substring(0, dot)), Integer.parseInt(s.substring(dot + 1))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Like {@link #parse} for catalogue constants that are known to be well formed. */
  static OpensshVersion of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException(text));
  }

  public boolean isBefore(OpensshVersion other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(OpensshVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}

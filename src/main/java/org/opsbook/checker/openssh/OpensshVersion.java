package org.opsbook.checker.openssh;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenSSH release such as {@code 9.2}, compared numerically ({@code 9.10} comes after {@code
 * 9.9}). sshd, ssh and their options name releases the same way, so there is one reader for all.
 *
 * @param major the part before the dot
 * @param minor the part after the dot
 */
public record OpensshVersion(int major, int minor) implements Comparable<OpensshVersion> {
  // What people write: "9.2", the portable "9.2p1", or the banner form "OpenSSH_9.2p1" that
  // "ssh -V" prints.
  private static final Pattern SHAPE = Pattern.compile("(?:OpenSSH_)?(\\d{1,2})\\.(\\d{1,2})(?:p\\d{1,2})?");

  /** Debian 12's release, the one opsbook checks against unless an option names another. */
  public static final OpensshVersion DEBIAN_12 = new OpensshVersion(9, 2);

  public static OpensshVersion of(int major, int minor) {
    return new OpensshVersion(major, minor);
  }

  /** Reads {@code 9.2}, {@code 9.2p1} or {@code OpenSSH_9.2p1}; empty when it is none of these. */
  public static Optional<OpensshVersion> parse(String text) {
    Matcher m = SHAPE.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new OpensshVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
  }

  /** Like {@link #parse} for constants known to be well formed. */
  public static OpensshVersion of(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException(text));
  }

  /**
   * Why {@code value} is not a release a checker can target, or empty when it is: the validator
   * of the {@code version} options.
   *
   * @param oldest the first release the checker's catalogue describes
   */
  public static Optional<String> problem(String value, OpensshVersion oldest) {
    Optional<OpensshVersion> v = parse(value);
    if (v.isEmpty()) {
      return Optional.of("'" + value + "' is not an OpenSSH release: write one such as 9.2, 9.6p1 or OpenSSH_9.2p1");
    }
    if (v.get().isBefore(oldest)) {
      return Optional.of("OpenSSH " + v.get() + " is older than " + oldest + ", the first release opsbook describes");
    }
    return Optional.empty();
  }

  public boolean isBefore(OpensshVersion other) {
    return compareTo(other) < 0;
  }

  public boolean atLeast(OpensshVersion other) {
    return compareTo(other) >= 0;
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

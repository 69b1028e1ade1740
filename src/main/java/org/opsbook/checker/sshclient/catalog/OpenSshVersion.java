package org.opsbook.checker.sshclient.catalog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An OpenSSH release number such as 9.2, compared numerically. */
public record OpenSshVersion(int major, int minor) implements Comparable<OpenSshVersion> {
  private static final Pattern SHAPE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})(?:p\\d+)?");

  public static final OpenSshVersion DEFAULT = new OpenSshVersion(9, 2);
  public static final OpenSshVersion OLDEST = new OpenSshVersion(8, 0);

  public static OpenSshVersion of(int major, int minor) {
    return new OpenSshVersion(major, minor);
  }

  /** Parses {@code 9.2} or {@code 9.2p1}; empty when the text is not a version. */
  public static Optional<OpenSshVersion> parse(String text) {
    Matcher m = SHAPE.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new OpenSshVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
  }

  public boolean atLeast(OpenSshVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(OpenSshVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}

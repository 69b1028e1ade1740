package org.opsbook.publish;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where {@code --to} points: a folder on this machine, or {@code [user@]host:/path} over SSH. */
public sealed interface PublishTarget {

  /** A folder on this machine. */
  record Local(Path root) implements PublishTarget {}

  /** A folder on another machine, reached with ssh and rsync. */
  record Remote(String host, String path) implements PublishTarget {
    @Override
    public String toString() {
      return host + ":" + path;
    }
  }

  // Like rsync and scp: a colon before any slash means host:path.
  Pattern REMOTE = Pattern.compile("((?:[A-Za-z0-9._-]+@)?(?:[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])):(.*)");
  // Paths go through the remote shell; keep to characters that need no quoting there.
  Pattern SAFE_REMOTE_PATH = Pattern.compile("[A-Za-z0-9._/~+-]+");

  /** Parses {@code --to}; the exception names what is wrong with it. */
  static PublishTarget parse(String to, Path workingDirectory) throws PublishException {
    if (to == null || to.isBlank()) {
      throw PublishException.failed("--to is empty: give a folder or user@host:/path");
    }
    Matcher m = REMOTE.matcher(to);
    if (!to.startsWith("/") && !to.startsWith(".") && m.matches() && !m.group(1).contains("/")) {
      String path = m.group(2);
      if (!path.startsWith("/")) {
        throw PublishException.failed("remote path in --to " + to + " must be absolute, as in host:/var/www/site");
      }
      if (!SAFE_REMOTE_PATH.matcher(path).matches()) {
        throw PublishException.failed(
            "remote path " + path + " has characters that would need shell quoting;"
                + " use letters, digits and . _ / ~ + - only");
      }
      return new Remote(m.group(1), path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }
    return new Local(workingDirectory.resolve(to).toAbsolutePath().normalize());
  }
}

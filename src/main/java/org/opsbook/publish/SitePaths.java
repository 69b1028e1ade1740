package org.opsbook.publish;

/**
 * Which site paths may be written: relative, with forward slashes, and made only of plain
 * segments, so that no path, however it was built, can reach outside the output folder.
 */
public final class SitePaths {
  private SitePaths() {}

  /** Whether {@code sitePath} (such as {@code articles/x/index.html}) names a file inside the site. */
  public static boolean isSafe(String sitePath) {
    if (sitePath.isEmpty() || sitePath.startsWith("/") || sitePath.endsWith("/")) {
      return false;
    }
    for (String segment : sitePath.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    for (int i = 0; i < sitePath.length(); i++) {
      char c = sitePath.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return false;
      }
    }
    return true;
  }
}

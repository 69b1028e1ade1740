package org.opsbook.checker.apache.syntax;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The test of mod_version's {@code <IfVersion [[!]operator] version>} (mod_version.c): {@code =}
 * or {@code ==}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code ~} or {@code /regex/};
 * missing version parts count as 0. Pure functions.
 */
final class VersionTest {
  private static final String INVALID = "Version appears to be invalid. It must have the format "
      + "major[.minor[.patch]] where major, minor and patch are numbers.";

  private VersionTest() {}

  /** Whether the version matches, or empty when the arguments are refused (see {@link #error}). */
  static Optional<Boolean> evaluate(List<String> words, String httpd) {
    if (words.isEmpty() || words.size() > 2) {
      return Optional.empty();
    }
    String op = words.size() == 1 ? "=" : words.get(0);
    String version = words.size() == 1 ? words.get(0) : words.get(1);
    boolean reverse = op.startsWith("!") && op.length() > 1;
    if (reverse) {
      op = op.substring(1);
    }
    Boolean match = switch (op) {
      case "=", "==" -> version.startsWith("/") ? regex(version, true, httpd) : compare(version, httpd).map(c -> c == 0).orElse(null);
      case "~" -> regex(version, false, httpd);
      case "<" -> compare(version, httpd).map(c -> c < 0).orElse(null);
      case "<=" -> compare(version, httpd).map(c -> c <= 0).orElse(null);
      case ">" -> compare(version, httpd).map(c -> c > 0).orElse(null);
      case ">=" -> compare(version, httpd).map(c -> c >= 0).orElse(null);
      default -> null;
    };
    return match == null ? Optional.empty() : Optional.of(match != reverse);
  }

  static String error(List<String> words) {
    if (words.size() == 2) {
      String op = words.get(0).startsWith("!") && words.get(0).length() > 1 ? words.get(0).substring(1) : words.get(0);
      if (!List.of("=", "==", "~", "<", "<=", ">", ">=").contains(op)) {
        return "unrecognized operator '" + words.get(0) + "'";
      }
    }
    return INVALID;
  }

  /** The reference version compared with the written one: negative when it is older. */
  private static Optional<Integer> compare(String version, String httpd) {
    if (!version.matches("[0-9]+(\\.[0-9]*){0,2}")) {
      return Optional.empty();
    }
    String[] want = version.split("\\.", -1);
    String[] have = httpd.split("\\.");
    for (int i = 0; i < 3; i++) {
      int w = i < want.length && !want[i].isEmpty() ? Integer.parseInt(want[i].length() > 9 ? "999999999" : want[i]) : 0;
      int h = Integer.parseInt(have[i]);
      if (h != w) {
        return Optional.of(h < w ? -1 : 1);
      }
    }
    return Optional.of(0);
  }

  private static Boolean regex(String version, boolean slashes, String httpd) {
    String re = version;
    if (slashes) {
      if (re.length() < 2 || !re.endsWith("/")) {
        return null;
      }
      re = re.substring(1, re.length() - 1);
    }
    try {
      return Pattern.compile(re).matcher(httpd).find();
    } catch (PatternSyntaxException e) {
      return null;
    }
  }
}

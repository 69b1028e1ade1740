package org.opsbook.checker.postfix.engine;

import java.util.Optional;

/**
 * The byte ranges of the POSIX bracket classes ({@code [:alpha:]} ...) in the C locale Postfix
 * runs its lookups in, shared by the PCRE2 and the glibc translators. PCRE2 knows two more names
 * than POSIX: {@code word} and {@code ascii}.
 */
final class PosixClassNames {
  private PosixClassNames() {}

  /**
   * The ranges to put inside a Java character class, or empty for a name the dialect does not know.
   *
   * @param pcre whether PCRE2's extra names are allowed
   */
  static Optional<String> ranges(String name, boolean pcre) {
    String body =
        switch (name) {
          case "alpha" -> "a-zA-Z";
          case "digit" -> "0-9";
          case "alnum" -> "a-zA-Z0-9";
          case "upper" -> "A-Z";
          case "lower" -> "a-z";
          case "space" -> "\\x09-\\x0d\\x20";
          case "blank" -> "\\x09\\x20";
          case "cntrl" -> "\\x00-\\x1f\\x7f";
          case "graph" -> "\\x21-\\x7e";
          case "print" -> "\\x20-\\x7e";
          case "punct" -> "\\x21-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7e";
          case "xdigit" -> "0-9A-Fa-f";
          case "word" -> pcre ? "a-zA-Z0-9_" : null;
          case "ascii" -> pcre ? "\\x00-\\x7f" : null;
          default -> null;
        };
    return Optional.ofNullable(body);
  }
}

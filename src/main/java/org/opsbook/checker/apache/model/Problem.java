package org.opsbook.checker.apache.model;

import java.util.Objects;

/**
 * Something httpd refuses or warns about while reading the configuration, in its own words.
 *
 * @param kind which family of findings it belongs to; the checker turns it into a rule
 * @param at where it is
 * @param message httpd's message (without its "Syntax error on line N of FILE:" prefix)
 * @param hint what to do, or {@code null}
 */
public record Problem(Kind kind, Position at, String message, String hint) {

  /** The families of reading problems, one rule each. */
  public enum Kind {
    /** Sections that do not open, close or nest as httpd requires. */
    SECTION,
    /** A directive httpd does not know with the loaded modules. */
    UNKNOWN_DIRECTIVE,
    /** A directive where it is not allowed. */
    CONTEXT,
    /** Wrong number or form of arguments, or a value the directive refuses. */
    ARGUMENTS,
    /** A RewriteRule, RewriteCond, RewriteMap or RewriteBase httpd refuses. */
    REWRITE,
    /** A Header or RequestHeader httpd refuses. */
    HEADER,
    /** A Require httpd refuses. */
    REQUIRE,
    /** A Redirect httpd refuses. */
    REDIRECT,
    /** An expression httpd cannot parse. */
    EXPRESSION,
    /** An Include that fails. */
    INCLUDE,
    /** A {@code ${VAR}} that nothing defines (httpd warns and keeps the text). */
    UNDEFINED_VARIABLE,
    /** An Include of a file that is not among the files opsbook can see (not checked). */
    INCLUDE_UNCHECKED,
    /** Something httpd accepts but logs a warning about while reading. */
    STARTUP_WARNING
  }

  public Problem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(message, "message");
  }

  /** Whether httpd refuses to start because of it. */
  public boolean isFatal() {
    return switch (kind) {
      case UNDEFINED_VARIABLE, INCLUDE_UNCHECKED, STARTUP_WARNING -> false;
      default -> true;
    };
  }
}

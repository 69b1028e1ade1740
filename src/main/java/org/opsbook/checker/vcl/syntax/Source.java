package org.opsbook.checker.vcl.syntax;

import java.util.Objects;
import org.opsbook.check.Snippet;

/**
 * One text VCC reads: the snippet itself, a file it includes, the lines opsbook adds around a
 * pasted subroutine, or the built-in VCL that Varnish appends to every program.
 *
 * @param snippet where findings in this source are placed; {@code null} for texts that are not
 *     the author's (the wrapper and the built-in VCL)
 */
record Source(Kind kind, String name, String text, Snippet snippet) {
  enum Kind { MAIN, INCLUDE, WRAPPER, BUILTIN }

  Source {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }

  boolean isAuthors() {
    return kind == Kind.MAIN || kind == Kind.INCLUDE;
  }
}

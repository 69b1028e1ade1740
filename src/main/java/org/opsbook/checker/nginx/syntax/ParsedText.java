package org.opsbook.checker.nginx.syntax;

import java.util.List;
import java.util.Optional;
import org.opsbook.checker.nginx.model.Directive;

/**
 * A text read as nginx reads it: the directives up to the first error, and that error. nginx
 * stops at the first error, so directives after it are not read; a block open at the error keeps
 * what was read inside it.
 */
public record ParsedText(List<Directive> directives, Optional<SyntaxError> error) {
  public ParsedText {
    directives = List.copyOf(directives);
  }
}

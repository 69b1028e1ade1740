package org.opsbook.checker.postfix.syntax;

import org.opsbook.checker.postfix.model.SourceMap;

/** One logical table line as readlline() assembles it, with where each character came from. */
record LogicalLine(String text, SourceMap map) {
  int line() {
    return map.line(0);
  }
}

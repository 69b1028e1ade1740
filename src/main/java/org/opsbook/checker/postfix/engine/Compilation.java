package org.opsbook.checker.postfix.engine;

/** What compiling one pattern gave: a pattern to match with, or why there is none. */
public sealed interface Compilation {

  /** A compiled pattern; the receiver must close it. */
  record Compiled(CompiledPattern pattern) implements Compilation {}

  /** The library rejects the pattern, or the translator cannot reproduce it. */
  record Refused(RegexProblem problem) implements Compilation {}
}

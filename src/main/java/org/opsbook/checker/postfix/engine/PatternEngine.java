package org.opsbook.checker.postfix.engine;

import org.opsbook.checker.postfix.model.RegexSpec;

/**
 * One way of compiling and matching a table's patterns: the regex library Postfix itself calls,
 * or the translator to java.util.regex where that library is not there. Implementations are
 * stateless and thread-safe; what they compile belongs to the caller, who closes it.
 */
public interface PatternEngine {

  /** Who answers, for traces and query output, such as {@code PCRE2 10.42 (libpcre2-8)}. */
  String name();

  /** Whether this is the library Postfix calls, rather than the translator. */
  boolean isNative();

  /**
   * Compiles one pattern with the options dict_pcre or dict_regexp would give it.
   *
   * @return the compiled pattern, which the caller must close, or why there is none
   */
  Compilation compile(RegexSpec spec, PatternUse use);
}

package org.opsbook.checker.postfix.engine;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A pattern translated to java.util.regex, ready to match keys given as ISO-8859-1 strings whose
 * characters are the key's UTF-8 bytes (both Postfix regex libraries work on bytes).
 *
 * @param groups the number of capture groups, as Postfix counts them for {@code $n}
 * @param anchored the PCRE {@code A} flag: the match must start at the beginning
 * @param longest POSIX leftmost-longest: among matches at the leftmost start, the longest wins
 * @param notes warnings about constructs that are legal but surely not what the author meant
 */
public record CompiledRegex(Pattern pattern, int groups, boolean anchored, boolean longest, List<RegexProblem> notes) {
  public CompiledRegex {
    notes = List.copyOf(notes);
  }
}

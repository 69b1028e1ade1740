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
 * @param unreliableGroups groups whose $n text this model cannot reproduce (POSIX: groups that
 *     are repeated or inside a repeated group, where glibc splits the iterations its own way)
 */
public record CompiledRegex(
    Pattern pattern, int groups, boolean anchored, boolean longest, List<RegexProblem> notes,
    java.util.Set<Integer> unreliableGroups) {
  public CompiledRegex {
    notes = List.copyOf(notes);
    unreliableGroups = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(unreliableGroups));
  }
}

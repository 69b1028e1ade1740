package org.opsbook.checker.haproxy.model;

import java.util.List;

/**
 * One {@code acl} line (or an anonymous ACL in braces): what it reads, how it matches and the
 * patterns it matches against.
 *
 * @param match the match method: found, bool, int, ip, bin, len, str, beg, sub, dir, dom, end, reg
 * @param ignoreCase whether {@code -i} was given
 * @param patterns the patterns written on the line
 * @param files the pattern files named with {@code -f}
 */
public record AclTerm(Line line, SampleExpr expr, String match, boolean ignoreCase, List<String> patterns,
    List<String> files) {
  public AclTerm {
    patterns = List.copyOf(patterns);
    files = List.copyOf(files);
  }
}

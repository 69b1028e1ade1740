package org.opsbook.checker.haproxy.model;

import java.util.List;

/**
 * A named ACL: every {@code acl} line of a proxy that gives the name, in order. It matches when
 * any of its terms does. An anonymous ACL ({@code { ... }} in a condition) has an empty name.
 */
public record Acl(String name, List<AclTerm> terms) {
  public Acl {
    terms = List.copyOf(terms);
  }

  public Line firstLine() {
    return terms.get(0).line();
  }
}

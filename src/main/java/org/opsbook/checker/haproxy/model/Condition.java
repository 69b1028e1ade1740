package org.opsbook.checker.haproxy.model;

import java.util.List;

/**
 * The {@code if} or {@code unless} part of a rule: terms joined by AND, those groups by OR
 * ({@code ||} or {@code or}), each term an ACL by name or an anonymous one, possibly negated.
 */
public record Condition(boolean unless, List<List<Term>> alternatives) {
  public Condition {
    alternatives = alternatives.stream().map(List::copyOf).toList();
  }

  /**
   * One term: a named ACL ({@code name} set, {@code anonymous} null) or an anonymous one.
   *
   * @param predefined whether the name is one of HAProxy's predefined ACLs (TRUE, METH_GET, ...)
   */
  public record Term(boolean negated, String name, Acl anonymous, boolean predefined) {}

  /** Every named ACL the condition uses. */
  public List<String> names() {
    return alternatives.stream().flatMap(List::stream).filter(t -> t.anonymous() == null).map(Term::name).toList();
  }
}

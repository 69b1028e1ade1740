package org.opsbook.checker.vcl.model;

import java.util.List;

/**
 * An {@code acl} declaration with its flags ({@code +log}, {@code -pedantic}, {@code +table}) and
 * entries in the order written.
 */
public record Acl(String name, Pos pos, boolean pedantic, boolean log, boolean table, List<AclEntry> entries) {
  public Acl {
    entries = List.copyOf(entries);
  }
}

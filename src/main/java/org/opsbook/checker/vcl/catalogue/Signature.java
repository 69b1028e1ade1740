package org.opsbook.checker.vcl.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * What a VMOD function, method or constructor takes and returns.
 *
 * @param name the full name, such as {@code std.tolower} or {@code directors.round_robin.backend}
 * @param returns the return type; VOID for constructors and procedures
 * @param params the parameters in declaration order, PRIV_* ones included
 */
public record Signature(String name, VclType returns, List<Param> params) {
  public Signature {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(returns, "returns");
    params = List.copyOf(params);
  }
}

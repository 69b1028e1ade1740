package org.opsbook.checker.vcl.catalogue;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One VCL variable (or, for a HEADER variable such as {@code req.http}, every header under it):
 * its type, the VCL versions that have it and the methods that may read, write and unset it.
 *
 * @param lowVersion lowest VCL syntax, as 40 or 41
 * @param highVersion highest VCL syntax
 */
public record Variable(String name, VclType type, int lowVersion, int highVersion, Set<SubMethod> readable,
    Set<SubMethod> writable, Set<SubMethod> unsetable) {
  public Variable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    readable = Set.copyOf(readable.isEmpty() ? EnumSet.noneOf(SubMethod.class) : EnumSet.copyOf(readable));
    writable = Set.copyOf(writable.isEmpty() ? EnumSet.noneOf(SubMethod.class) : EnumSet.copyOf(writable));
    unsetable = Set.copyOf(unsetable.isEmpty() ? EnumSet.noneOf(SubMethod.class) : EnumSet.copyOf(unsetable));
  }

  public boolean existsIn(int syntax) {
    return lowVersion <= syntax && syntax <= highVersion;
  }

  /** Whether this stands for the headers below it ({@code req.http}). */
  public boolean isHeaderFamily() {
    return type == VclType.HEADER;
  }
}

package org.opsbook.checker.postfix.engine;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import org.opsbook.checker.postfix.model.RegexSpec;
import org.opsbook.checker.postfix.model.Table;

/** A table with the compiled form of every pattern it kept. Immutable once built. */
public final class CompiledTable {
  private final Table table;
  private final Map<RegexSpec, CompiledRegex> compiled;

  public CompiledTable(Table table, Map<RegexSpec, CompiledRegex> compiled) {
    this.table = Objects.requireNonNull(table);
    this.compiled = Collections.unmodifiableMap(new IdentityHashMap<>(compiled));
  }

  public Table table() {
    return table;
  }

  /** The compiled pattern of a spec of this table; never null for specs of kept rules. */
  public CompiledRegex regex(RegexSpec spec) {
    CompiledRegex r = compiled.get(spec);
    if (r == null) {
      throw new IllegalArgumentException("pattern not part of this table: " + spec.body());
    }
    return r;
  }
}

package org.opsbook.checker.iptables.syntax;

import java.util.List;
import java.util.Map;

/** The tables of iptables 1.8 and their built-in chains, per iptables(8) "TABLES". */
public final class Tables {
  private Tables() {}

  public static final Map<String, List<String>> BUILTIN = Map.of(
      "filter", List.of("INPUT", "FORWARD", "OUTPUT"),
      "nat", List.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"),
      "mangle", List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"),
      "raw", List.of("PREROUTING", "OUTPUT"),
      "security", List.of("INPUT", "FORWARD", "OUTPUT"));

  public static boolean exists(String table) {
    return BUILTIN.containsKey(table);
  }

  public static boolean isBuiltin(String table, String chain) {
    List<String> chains = BUILTIN.get(table);
    return chains != null && chains.contains(chain);
  }
}

package org.opsbook.checker.iptables.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables a snippet (or an article, with {@code scope=article}) builds, in the order they were
 * first touched, each with its chains in order.
 *
 * @param family {@code ipv4} or {@code ipv6}
 */
public record Ruleset(String family, Map<String, Map<String, Chain>> tables) {
  public Ruleset {
    Map<String, Map<String, Chain>> copy = new LinkedHashMap<>();
    tables.forEach((t, chains) -> copy.put(t, Collections.unmodifiableMap(new LinkedHashMap<>(chains))));
    tables = Collections.unmodifiableMap(copy);
  }

  public Optional<Chain> chain(String table, String chain) {
    Map<String, Chain> chains = tables.get(table);
    return chains == null ? Optional.empty() : Optional.ofNullable(chains.get(chain));
  }

  /** Every rule in table, chain and position order. */
  public List<Rule> allRules() {
    List<Rule> all = new ArrayList<>();
    tables.values().forEach(chains -> chains.values().forEach(c -> all.addAll(c.rules())));
    return all;
  }
}

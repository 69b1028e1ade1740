package org.opsbook.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.opsbook.diag.RuleId;

/**
 * The checkers of one run, keyed by language. Immutable once built; sorted by checker ID so
 * listings are stable.
 */
public final class CheckerRegistry {
  private final List<Checker> checkers;
  private final Map<String, Checker> byLanguage;
  private final Map<String, RuleInfo> rulesById;

  private CheckerRegistry(List<Checker> checkers) {
    this(checkers, List.of());
  }

  private CheckerRegistry(List<Checker> checkers, List<RuleInfo> extraRules) {
    List<Checker> sorted = new ArrayList<>(checkers);
    sorted.sort(Comparator.comparing(Checker::id));
    Map<String, Checker> languages = new TreeMap<>();
    Map<String, RuleInfo> rules = new TreeMap<>();
    for (RuleInfo rule : CoreRules.ALL) {
      rules.put(rule.id().value(), rule);
    }
    for (RuleInfo rule : extraRules) {
      if (rules.putIfAbsent(rule.id().value(), rule) != null) {
        throw new IllegalStateException("rule " + rule.id() + " is declared twice");
      }
    }
    for (Checker checker : sorted) {
      for (String language : checker.languages()) {
        Checker previous = languages.putIfAbsent(language, checker);
        if (previous != null) {
          throw new IllegalStateException(
              "checkers '" + previous.id() + "' and '" + checker.id() + "' both claim language '" + language + "'");
        }
      }
      for (RuleInfo rule : checker.rules()) {
        if (!rule.id().checker().equals(checker.id()) && !rule.id().checker().equals("opsbook")) {
          throw new IllegalStateException(
              "checker '" + checker.id() + "' declares rule " + rule.id() + " outside its prefix");
        }
        rules.put(rule.id().value(), rule);
        for (String alias : rule.aliases()) {
          rules.putIfAbsent(alias, rule);
        }
      }
    }
    // The pipeline's own former IDs name its rules only where no checker still declares them.
    for (RuleInfo rule : CoreRules.ALL) {
      for (String alias : rule.aliases()) {
        rules.putIfAbsent(alias, rule);
      }
    }
    this.checkers = List.copyOf(sorted);
    this.byLanguage = Collections.unmodifiableMap(languages);
    this.rulesById = Collections.unmodifiableMap(rules);
  }

  /** Every checker registered in {@code META-INF/services/org.opsbook.check.Checker}. */
  public static CheckerRegistry load() {
    List<Checker> found = new ArrayList<>();
    ServiceLoader.load(Checker.class, CheckerRegistry.class.getClassLoader()).forEach(found::add);
    List<RuleInfo> extra = new ArrayList<>();
    ServiceLoader.load(RuleCatalogue.class, CheckerRegistry.class.getClassLoader()).forEach(c -> extra.addAll(c.rules()));
    return new CheckerRegistry(found, extra);
  }

  public static CheckerRegistry of(List<Checker> checkers) {
    return new CheckerRegistry(checkers);
  }

  public List<Checker> checkers() {
    return checkers;
  }

  public Optional<Checker> forLanguage(String language) {
    return Optional.ofNullable(byLanguage.get(language));
  }

  /** Every claimed language with its checker, sorted by language. */
  public Map<String, Checker> languages() {
    return byLanguage;
  }

  /** A rule by its ID or one of its former IDs. */
  public Optional<RuleInfo> rule(String id) {
    return Optional.ofNullable(rulesById.get(id));
  }

  /**
   * The known rule ID (current or former) nearest to a misspelt one, for a "did you mean ...?":
   * {@code sshd.unknwon-keyword} gives {@code sshd.unknown-keyword}.
   */
  public Optional<String> closestRule(String id) {
    return Suggestion.closest(id, rulesById.keySet(), 3);
  }

  /** Every rule of every checker plus the pipeline's own, by ID. */
  public List<RuleInfo> rules() {
    List<RuleInfo> all = new ArrayList<>();
    for (Map.Entry<String, RuleInfo> e : rulesById.entrySet()) {
      if (e.getKey().equals(e.getValue().id().value())) {
        all.add(e.getValue());
      }
    }
    return List.copyOf(all);
  }

  /** The checker whose {@link Checker#id()} is {@code id}. */
  public Optional<Checker> checker(String id) {
    return checkers.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public boolean knowsRule(RuleId id) {
    return rulesById.containsKey(id.value());
  }
}

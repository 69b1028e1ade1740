package org.opsbook.check;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opsbook.diag.Severity;

/**
 * What a checker may know beyond the snippet itself. Immutable.
 *
 * @param options per-checker settings from {@code opsbook.yaml}, already validated against the
 *     checkers' declared {@link CheckerOption}s, flattened to {@code checker.key} strings such as
 *     {@code sshd.version = 9.2}
 * @param articleSnippets the article's snippets in order, the one being checked among them (the
 *     same object), for checkers that build on the snippets before it ({@code scope=article}) or
 *     look for what the article shows elsewhere; empty for plain files
 * @param files the other files a config may include: the article's snippets with a {@code file=}
 *     attribute in a build, the files on disk for {@code opsbook lint}
 * @param severities the site's changes to rule severities, by rule ID
 * @param rulesOff rules the site turned off
 * @param now the instant that stands for "now" in checks that depend on time (key expiry): the
 *     build's {@code SOURCE_DATE_EPOCH}, or its start, so one input gives one answer per build
 */
public record CheckContext(
    Map<String, String> options,
    List<Snippet> articleSnippets,
    IncludedFiles files,
    Map<String, Severity> severities,
    Set<String> rulesOff,
    Instant now) {

  /** The instant {@link #empty()} uses: fixed, so tests do not depend on the day they run. */
  public static final Instant EPOCH = Instant.EPOCH;

  public CheckContext {
    options = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(options, "options")));
    articleSnippets = List.copyOf(articleSnippets);
    Objects.requireNonNull(files, "files");
    severities = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(severities, "severities")));
    rulesOff = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(rulesOff, "rulesOff")));
    Objects.requireNonNull(now, "now");
  }

  /** Options only; no neighbours, no included files, default severities, time at {@link #EPOCH}. */
  public static CheckContext of(Map<String, String> options) {
    return new CheckContext(options, List.of(), IncludedFiles.NONE, Map.of(), Set.of(), EPOCH);
  }

  /** No options and no neighbours, time at {@link #EPOCH}. */
  public static CheckContext empty() {
    return of(Map.of());
  }

  /** One option, such as {@code option("sshd.version")}. */
  public Optional<String> option(String key) {
    return Optional.ofNullable(options.get(key));
  }

  /** The same context with other neighbouring snippets. */
  public CheckContext withArticleSnippets(List<Snippet> snippets) {
    return new CheckContext(options, snippets, files, severities, rulesOff, now);
  }

  public CheckContext withFiles(IncludedFiles newFiles) {
    return new CheckContext(options, articleSnippets, newFiles, severities, rulesOff, now);
  }

  /**
   * The same context with the site's rule severities.
   *
   * @param changes a severity by rule ID; a {@code null} value turns the rule off
   */
  public CheckContext withSeverities(Map<String, Severity> changes) {
    Map<String, Severity> on = new TreeMap<>();
    Set<String> off = new TreeSet<>();
    changes.forEach((id, s) -> {
      if (s == null) {
        off.add(id);
      } else {
        on.put(id, s);
      }
    });
    return new CheckContext(options, articleSnippets, files, on, off, now);
  }

  public CheckContext withNow(Instant instant) {
    return new CheckContext(options, articleSnippets, files, severities, rulesOff, instant);
  }

  /** Whether the site turned this rule off, by its ID or a former one. */
  public boolean isOff(RuleInfo rule) {
    return rulesOff.contains(rule.id().value()) || rule.aliases().stream().anyMatch(rulesOff::contains);
  }

  /** The severity the site gives this rule: its own default unless {@code opsbook.yaml} changes it. */
  public Severity severityOf(RuleInfo rule) {
    Severity s = severities.get(rule.id().value());
    if (s != null) {
      return s;
    }
    for (String alias : rule.aliases()) {
      s = severities.get(alias);
      if (s != null) {
        return s;
      }
    }
    return rule.severity();
  }
}

package org.opsbook.check;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a checker may know beyond the snippet itself.
 *
 * @param options per-checker settings from {@code opsbook.yaml}, flattened to {@code
 *     checker.key} strings such as {@code sshd.version = 9.2}
 * @param articleSnippets the snippets that come before this one in the same article, in order,
 *     for checkers that offer {@code scope=article}; empty for plain files
 */
public record CheckContext(Map<String, String> options, List<Snippet> articleSnippets) {

  public CheckContext {
    options = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(options)));
    articleSnippets = List.copyOf(articleSnippets);
  }

  /** No options and no neighbours. */
  public static CheckContext empty() {
    return new CheckContext(Map.of(), List.of());
  }

  /** One option, such as {@code option("sshd.version")}. */
  public Optional<String> option(String key) {
    return Optional.ofNullable(options.get(key));
  }

  /** The same options with other neighbouring snippets. */
  public CheckContext withArticleSnippets(List<Snippet> snippets) {
    return new CheckContext(options, snippets);
  }
}

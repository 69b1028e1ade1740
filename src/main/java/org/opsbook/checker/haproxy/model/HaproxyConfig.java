package org.opsbook.checker.haproxy.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checked HAProxy configuration: the snippet's sections, every proxy (the wrapper's defaults
 * included, when the snippet was wrapped), the global settings, and the contents of the files it
 * names (errorfiles, maps, ACL pattern files) that could be found.
 *
 * @param wrapped whether the snippet was read after the checker's minimal global and defaults
 * @param complete false when HAProxy's reader would have stopped before the end of the snippet
 * @param files file contents by absolute path, for the files the configuration names and the
 *     article (or the disk, for {@code opsbook lint}) provides
 * @param fileName how messages name the snippet's file
 */
public record HaproxyConfig(List<Section> sections, List<Proxy> proxies, Globals globals, boolean wrapped,
    boolean complete, Map<String, String> files, String fileName) {
  public HaproxyConfig {
    sections = List.copyOf(sections);
    proxies = List.copyOf(proxies);
    files = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(files));
  }

  /** The proxy with the backend capability that {@code use_backend NAME} would pick, if any. */
  public Optional<Proxy> backend(String name) {
    return proxies.stream().filter(p -> p.name().equals(name) && p.kind().hasBackend() && p.kind() != SectionKind.DEFAULTS)
        .findFirst();
  }

  /** The snippet's own frontends and listens, in order. */
  public List<Proxy> frontends() {
    return proxies.stream().filter(p -> !p.isWrapper()
        && (p.kind() == SectionKind.FRONTEND || p.kind() == SectionKind.LISTEN)).toList();
  }

  public Optional<Proxy> proxy(String name) {
    return proxies.stream().filter(p -> p.name().equals(name) && p.kind() != SectionKind.DEFAULTS).findFirst();
  }
}

package org.opsbook.checker.apache.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The modules a server has loaded: the compiled-in ones plus those enabled. Immutable.
 */
public final class ModuleSet {
  /**
   * What {@code ls /etc/apache2/mods-enabled} shows on a fresh Debian 12 install, plus rewrite,
   * headers, ssl (with socache_shmcb, which {@code a2enmod ssl} enables with it), proxy and
   * proxy_http.
   */
  public static final List<String> DEBIAN_DEFAULT = List.of(
      "access_compat", "alias", "auth_basic", "authn_core", "authn_file", "authz_core", "authz_host",
      "authz_user", "autoindex", "deflate", "dir", "env", "filter", "mime", "mpm_event", "negotiation",
      "reqtimeout", "setenvif", "status");
  public static final List<String> DEFAULT_EXTRA = List.of("rewrite", "headers", "ssl", "socache_shmcb", "proxy", "proxy_http");

  private final SortedSet<String> names;

  private ModuleSet(SortedSet<String> names) {
    this.names = Collections.unmodifiableSortedSet(names);
  }

  /** The default set: Debian's defaults plus {@link #DEFAULT_EXTRA}. */
  public static ModuleSet defaults() {
    SortedSet<String> all = new TreeSet<>(DEBIAN_DEFAULT);
    all.addAll(DEFAULT_EXTRA);
    return of(all);
  }

  /** Exactly these shared modules, plus the compiled-in ones. Unknown names are ignored. */
  public static ModuleSet of(Set<String> enabled) {
    SortedSet<String> all = new TreeSet<>();
    for (ModuleInfo m : DirectiveCatalogue.modules()) {
      if (m.compiledIn() || enabled.contains(m.name())) {
        all.add(m.name());
      }
    }
    return new ModuleSet(all);
  }

  /**
   * Reads the {@code apache.modules} option: either the complete list of shared modules, or
   * changes to the default ({@code +expires,-status}) when every entry starts with + or -.
   */
  public static Optional<ModuleSet> parse(String option) {
    return problem(option).isPresent() ? Optional.empty() : Optional.of(read(option));
  }

  /** Why the option value is refused, or empty. */
  public static Optional<String> problem(String option) {
    List<String> unknown = new ArrayList<>();
    for (String entry : entries(option)) {
      String name = entry.startsWith("+") || entry.startsWith("-") ? entry.substring(1) : entry;
      if (DirectiveCatalogue.module(name).isEmpty()) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      return Optional.of("unknown Apache module(s) " + String.join(", ", unknown)
          + "; write names as a2enmod does (rewrite, headers, expires, ...)");
    }
    List<String> e = entries(option);
    boolean changes = !e.isEmpty() && e.stream().allMatch(s -> s.startsWith("+") || s.startsWith("-"));
    boolean mixed = e.stream().anyMatch(s -> s.startsWith("+") || s.startsWith("-")) && !changes;
    return mixed ? Optional.of("either list every module or only changes (+name, -name), not both") : Optional.empty();
  }

  private static ModuleSet read(String option) {
    List<String> e = entries(option);
    boolean changes = !e.isEmpty() && e.stream().allMatch(s -> s.startsWith("+") || s.startsWith("-"));
    SortedSet<String> set = new TreeSet<>();
    if (changes) {
      set.addAll(defaults().names);
      for (String s : e) {
        if (s.startsWith("+")) {
          set.add(s.substring(1));
        } else {
          set.remove(s.substring(1));
        }
      }
    } else {
      set.addAll(e);
    }
    return of(set);
  }

  private static List<String> entries(String option) {
    List<String> out = new ArrayList<>();
    for (String part : option.split("[,\\s]+")) {
      if (!part.isBlank()) {
        out.add(part.strip());
      }
    }
    return out;
  }

  public boolean has(String module) {
    return names.contains(module);
  }

  /** The same set with one more module, as {@code LoadModule} adds it. */
  public ModuleSet with(String module) {
    SortedSet<String> more = new TreeSet<>(names);
    more.add(module);
    return new ModuleSet(more);
  }

  public SortedSet<String> names() {
    return names;
  }

  /** Whether any MPM is loaded; {@code Listen} and friends come with whichever it is. */
  public boolean hasMpm() {
    return names.stream().anyMatch(n -> n.startsWith("mpm_"));
  }

  /**
   * The test of {@code <IfModule name>} (core.c, find_module): the module's source file name,
   * compared case-sensitively, or its structure's symbol.
   */
  public boolean matchesIfModule(String name) {
    for (String n : names) {
      ModuleInfo m = DirectiveCatalogue.module(n).orElseThrow();
      if (m.source().equals(name) || m.symbol().equals(name)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModuleSet m && m.names.equals(names);
  }

  @Override
  public int hashCode() {
    return names.hashCode();
  }

  @Override
  public String toString() {
    return String.join(",", names);
  }
}

package org.opsbook.checker.apache.model;

import java.util.List;
import java.util.Objects;

/**
 * A configuration section as the request model needs it: what it applies to, the directives
 * directly inside it in order (each with its parsed value, if any), and the sections inside it.
 *
 * @param kind what kind of section
 * @param section the opening directive, or {@code null} for the server itself
 * @param argument the section's path, pattern, addresses or expression text; empty for the server
 * @param entries the directives in it, in order, conditional sections and includes resolved
 * @param children the sections in it, in order
 * @param value a parsed form of the argument: a {@link java.util.regex.Pattern} for regex
 *     sections, an expression for {@code <If>}, addresses for a virtual host; may be {@code null}
 */
public record Scope(Kind kind, Directive section, String argument, List<Entry> entries, List<Scope> children, Object value) {

  /** The kinds of sections. */
  public enum Kind {
    SERVER, VIRTUAL_HOST, DIRECTORY, DIRECTORY_MATCH, LOCATION, LOCATION_MATCH, FILES, FILES_MATCH,
    IF, ELSE_IF, ELSE, LIMIT, LIMIT_EXCEPT, PROXY, PROXY_MATCH, REQUIRE_ALL, REQUIRE_ANY, REQUIRE_NONE,
    /** A {@code .htaccess} file: per-directory configuration read at request time. */
    HTACCESS,
    /** Any other section (provider aliases, sections of other modules). */
    OTHER
  }

  /**
   * A directive in a scope.
   *
   * @param directive the directive as read
   * @param module the module that handles it
   * @param value its parsed arguments where the request model or a rule needs them, else {@code null}
   */
  public record Entry(Directive directive, String module, Object value) {
    public Entry {
      Objects.requireNonNull(directive, "directive");
      Objects.requireNonNull(module, "module");
    }

    /** Whether this is the named directive (case-insensitively, as httpd compares). */
    public boolean is(String name) {
      return directive.name().equalsIgnoreCase(name);
    }
  }

  public Scope {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(argument, "argument");
    entries = List.copyOf(entries);
    children = List.copyOf(children);
  }

  /** The entries of one directive, in order. */
  public List<Entry> all(String name) {
    return entries.stream().filter(e -> e.is(name)).toList();
  }

  /** The last entry of a directive (the one that wins for single-valued settings), if any. */
  public java.util.Optional<Entry> last(String name) {
    List<Entry> all = all(name);
    return all.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(all.get(all.size() - 1));
  }
}

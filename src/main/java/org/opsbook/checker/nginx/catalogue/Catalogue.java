package org.opsbook.checker.nginx.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every directive nginx 1.22.1 knows, with the module that provides it and how Debian 12 builds
 * that module; the directives of later releases and of third-party modules, so that an unknown
 * directive can say why it is unknown; and the built-in variables. Read once from the resources
 * beside this class; immutable and thread-safe.
 */
public final class Catalogue {
  private static final Catalogue INSTANCE = load();

  private final Map<String, List<DirectiveSpec>> directives;
  private final Map<String, String> later;
  private final Map<String, String> thirdParty;
  private final Map<String, String> variables;
  private final Map<String, String> prefixes;

  private Catalogue(Map<String, List<DirectiveSpec>> directives, Map<String, String> later,
      Map<String, String> thirdParty, Map<String, String> variables, Map<String, String> prefixes) {
    this.directives = directives;
    this.later = later;
    this.thirdParty = thirdParty;
    this.variables = variables;
    this.prefixes = prefixes;
  }

  public static Catalogue get() {
    return INSTANCE;
  }

  /** Every module's entry for a directive name (one name may belong to http, mail and stream). */
  public List<DirectiveSpec> lookup(String name) {
    return directives.getOrDefault(name, List.of());
  }

  /** Every directive name, sorted. */
  public Set<String> names() {
    return Collections.unmodifiableSet(directives.keySet());
  }

  /** For a directive of a later nginx release, the first release with it. */
  public Optional<String> laterRelease(String name) {
    return Optional.ofNullable(later.get(name));
  }

  /** For a directive of a third-party or commercial module, where it comes from. */
  public Optional<String> thirdParty(String name) {
    String exact = thirdParty.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (Map.Entry<String, String> e : thirdParty.entrySet()) {
      String key = e.getKey();
      if (key.endsWith("*") && name.startsWith(key.substring(0, key.length() - 1))) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * The module that provides a built-in variable ({@code host}, or {@code http_user_agent} by its
   * prefix), or empty when nginx has no such variable.
   */
  public Optional<String> variableModule(String name) {
    String m = variables.get(name);
    if (m != null) {
      return Optional.of(m);
    }
    for (Map.Entry<String, String> e : prefixes.entrySet()) {
      if (name.startsWith(e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** Whether a built-in variable's module is part of Debian's nginx. */
  public boolean variableAvailable(String name) {
    return variableModule(name).map(m -> !m.equals("ngx_http_geoip_module")).orElse(false);
  }

  private static Catalogue load() {
    Map<String, List<DirectiveSpec>> directives = new TreeMap<>();
    for (String[] f : rows("directives.tsv")) {
      DirectiveSpec spec = spec(f);
      directives.computeIfAbsent(spec.name(), k -> new ArrayList<>()).add(spec);
    }
    directives.replaceAll((k, v) -> List.copyOf(v));
    Map<String, String> later = new TreeMap<>();
    for (String[] f : rows("later-directives.tsv")) {
      later.put(f[0], f[1]);
    }
    Map<String, String> thirdParty = new TreeMap<>();
    for (String[] f : rows("third-party.tsv")) {
      thirdParty.put(f[0], f[2]);
    }
    Map<String, String> variables = new TreeMap<>();
    Map<String, String> prefixes = new TreeMap<>();
    for (String[] f : rows("variables.tsv")) {
      String module = f[0].endsWith("_module") ? f[0] : f[0].replace("ngx_http_variables", "ngx_http_core_module")
          .replace("ngx_http_upstream", "ngx_http_upstream_module");
      if (f[1].endsWith("*")) {
        prefixes.put(f[1].substring(0, f[1].length() - 1), module);
      } else {
        variables.put(f[1], module);
      }
    }
    return new Catalogue(Collections.unmodifiableMap(directives), Collections.unmodifiableMap(later),
        Collections.unmodifiableMap(thirdParty), Collections.unmodifiableMap(variables),
        Collections.unmodifiableMap(prefixes));
  }

  private static DirectiveSpec spec(String[] f) {
    Set<Context> contexts = EnumSet.noneOf(Context.class);
    boolean anywhere = false;
    for (String c : f[2].split(",")) {
      if (c.equals("any")) {
        anywhere = true;
      } else if (!c.isEmpty()) {
        contexts.add(Context.ofWord(c));
      }
    }
    Set<Integer> counts = new TreeSet<>();
    int minimum = 0;
    boolean flag = false;
    boolean any = false;
    boolean block = false;
    for (String a : f[3].split(",")) {
      switch (a) {
        case "flag" -> flag = true;
        case "any" -> any = true;
        case "block" -> block = true;
        case "1+" -> minimum = 1;
        case "2+" -> minimum = 2;
        default -> counts.add(Integer.parseInt(a));
      }
    }
    String kind = f[4];
    String detail = f.length > 5 ? f[5] : "";
    List<String> values = List.of();
    long low = Long.MIN_VALUE;
    long high = -1;
    String deprecated = "";
    if (kind.equals("enum") || kind.equals("bitmask")) {
      values = List.of(detail.split("\\|"));
    } else if (detail.startsWith("bounds:")) {
      String[] b = detail.split(":");
      low = Long.parseLong(b[1]);
      high = Long.parseLong(b[2]);
    } else if (detail.startsWith("deprecated:")) {
      deprecated = detail.substring("deprecated:".length());
    } else if (detail.startsWith("post:")) {
      // A post handler checks more than the setter; the kind alone is checked here.
      kind = kind + "+post";
    }
    return new DirectiveSpec(f[0], Modules.of(f[1]), contexts, anywhere, counts, minimum, flag, any, block, kind,
        values, low, high, deprecated);
  }

  private static List<String[]> rows(String resource) {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = Catalogue.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.split("\t", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}

package org.opsbook.checker.apache.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every directive and module of Debian 12's apache2, read once from {@code directives.tsv} and
 * {@code modules.tsv} beside this class. Immutable; the lookups are pure.
 */
public final class DirectiveCatalogue {
  private static final Map<String, ModuleInfo> MODULES = loadModules();
  private static final Map<String, List<DirectiveSpec>> DIRECTIVES = loadDirectives();

  private DirectiveCatalogue() {}

  public static List<ModuleInfo> modules() {
    return List.copyOf(MODULES.values());
  }

  public static Optional<ModuleInfo> module(String name) {
    return Optional.ofNullable(MODULES.get(name));
  }

  /** The module whose {@code LoadModule} symbol is {@code symbol}. */
  public static Optional<ModuleInfo> moduleBySymbol(String symbol) {
    return MODULES.values().stream().filter(m -> m.symbol().equals(symbol)).findFirst();
  }

  /** Every module's entry for a directive name, case-insensitively; usually one. */
  public static List<DirectiveSpec> all(String name) {
    return DIRECTIVES.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /**
   * The directive as httpd knows it with these modules loaded (config.c keeps one hash of the
   * loaded modules' commands), or empty: "Invalid command".
   */
  public static Optional<DirectiveSpec> lookup(String name, ModuleSet modules) {
    for (DirectiveSpec d : all(name)) {
      if (isLoaded(d.module(), modules)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The directive names a module provides, in table order. */
  public static List<String> namesOf(String module) {
    List<String> out = new ArrayList<>();
    for (List<DirectiveSpec> specs : DIRECTIVES.values()) {
      for (DirectiveSpec d : specs) {
        if (d.module().equals(module)) {
          out.add(d.name());
        }
      }
    }
    return out;
  }

  private static boolean isLoaded(String module, ModuleSet modules) {
    // The listener directives are part of every MPM; the catalogue files them under mpm_event.
    return modules.has(module) || (module.equals("mpm_event") && modules.hasMpm());
  }

  private static Map<String, ModuleInfo> loadModules() {
    Map<String, ModuleInfo> out = new TreeMap<>();
    for (String[] f : rows("modules.tsv", 4)) {
      out.put(f[0], new ModuleInfo(f[0], f[1], f[2], f[3].equals("static")));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, List<DirectiveSpec>> loadDirectives() {
    Map<String, List<DirectiveSpec>> out = new LinkedHashMap<>();
    for (String[] f : rows("directives.tsv", 5)) {
      DirectiveSpec d = new DirectiveSpec(f[0], f[1], ArgForm.valueOf(f[2]), Overrides.parse(f[3]),
          Forbidden.parse(f[4]), f.length > 5 ? f[5] : "");
      out.computeIfAbsent(d.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(d);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(out);
  }

  private static List<String[]> rows(String resource, int minFields) {
    List<String[]> out = new ArrayList<>();
    try (InputStream in = DirectiveCatalogue.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length < minFields) {
          throw new IllegalStateException(resource + ": short line " + line);
        }
        out.add(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}

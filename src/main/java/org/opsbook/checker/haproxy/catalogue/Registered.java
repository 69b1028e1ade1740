package org.opsbook.checker.haproxy.catalogue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The configuration keywords Debian 12's HAProxy 2.6.12 registers, as {@code haproxy -dKall}
 * lists them: global and proxy keywords kept in keyword tables, {@code bind} and {@code server}
 * options with their argument counts, simple {@code option}s with the sides they apply to, rule
 * actions per rule set, services and filters. Immutable.
 */
public final class Registered {
  /** A bind or server option: how many arguments it takes (-1: one, optional) and whether it is SSL's. */
  public record Option(String name, int arguments, boolean ssl) {}

  private static final Map<String, List<String>> CLASSES = read();
  private static final Map<String, Option> BIND = options("bind");
  private static final Map<String, Option> SERVER = options("server");
  private static final Map<String, String> SIMPLE_OPTIONS = simpleOptions();

  private Registered() {}

  private static Map<String, List<String>> read() {
    Map<String, List<String>> out = new TreeMap<>();
    List<String> current = null;
    for (String line : Resources.lines("registered.txt")) {
      if (line.startsWith("@ ")) {
        current = new java.util.ArrayList<>();
        out.put(line.substring(2).strip(), current);
      } else if (current != null) {
        current.add(line.strip());
      }
    }
    Map<String, List<String>> frozen = new TreeMap<>();
    out.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(frozen);
  }

  private static Map<String, Option> options(String cls) {
    Map<String, Option> out = new TreeMap<>();
    for (String line : CLASSES.getOrDefault(cls, List.of())) {
      String[] f = line.split(" ");
      int args = f.length > 1 ? switch (f[1]) {
        case "+1" -> 1;
        case "+-1" -> -1;
        default -> 0;
      } : 0;
      out.put(f[0], new Option(f[0], args, f.length > 2 && f[2].equals("ssl")));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Map<String, String> simpleOptions() {
    Map<String, String> out = new TreeMap<>();
    for (String line : CLASSES.getOrDefault("option", List.of())) {
      int space = line.indexOf(' ');
      out.put(line.substring(0, space), line.substring(space + 1).replace("[", "").replace("]", "").strip());
    }
    return Collections.unmodifiableMap(out);
  }

  /** Global keywords kept in the keyword table (the others are in cfgparse-global.c itself). */
  public static boolean isGlobal(String keyword) {
    return CLASSES.getOrDefault("global", List.of()).contains(keyword);
  }

  /** Proxy keywords kept in the keyword table (the others are in cfgparse-listen.c itself). */
  public static boolean isProxy(String keyword) {
    return CLASSES.getOrDefault("listen", List.of()).contains(keyword);
  }

  public static Optional<Option> bindOption(String name) {
    return Optional.ofNullable(BIND.get(name));
  }

  public static Optional<Option> serverOption(String name) {
    return Optional.ofNullable(SERVER.get(name));
  }

  public static Set<String> bindOptionNames() {
    return BIND.keySet();
  }

  public static Set<String> serverOptionNames() {
    return SERVER.keySet();
  }

  /** A simple option's sides, such as {@code FE BE HTTP}, or empty when it is not one. */
  public static Optional<String> simpleOption(String name) {
    return Optional.ofNullable(SIMPLE_OPTIONS.get(name));
  }

  public static Set<String> simpleOptionNames() {
    return SIMPLE_OPTIONS.keySet();
  }

  /**
   * The actions of one rule set ({@code http-request}, {@code tcp-request connection}, ...), in
   * the order HAProxy lists them; a name ending in {@code *} takes its argument in parentheses,
   * as {@code set-var(txn.name)}.
   */
  public static List<String> actions(String ruleSet) {
    List<String> out = new java.util.ArrayList<>();
    for (String line : CLASSES.getOrDefault("actions", List.of())) {
      if (line.startsWith(ruleSet + " ") && line.indexOf(' ', ruleSet.length() + 1) < 0) {
        out.add(line.substring(ruleSet.length() + 1));
      }
    }
    return out;
  }

  public static Set<String> services() {
    return new TreeSet<>(CLASSES.getOrDefault("services", List.of()));
  }

  public static Set<String> filters() {
    return new TreeSet<>(CLASSES.getOrDefault("filters", List.of()));
  }
}

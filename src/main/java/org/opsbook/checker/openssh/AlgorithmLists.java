package org.opsbook.checker.openssh;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * kex.c kex_assemble_names(): turns a configured algorithm list into the list sshd or ssh uses
 * (servconf.c and readconf.c both assemble their lists through it). A plain list replaces the
 * defaults; {@code +} appends to them, {@code -} removes from them (patterns allowed), {@code ^}
 * puts names first. Wildcards expand in the order of the list of all names.
 */
public final class AlgorithmLists {
  private AlgorithmLists() {}

  /** The assembled list, or empty when sshd or ssh would fail to assemble it (a '!' entry, or nothing left). */
  public static Optional<List<String>> assemble(String configured, List<String> defaults, List<String> all) {
    if (configured == null || configured.isEmpty()) {
      return Optional.of(defaults);
    }
    char first = configured.charAt(0);
    String rest = configured.substring(1);
    if (first == '-') {
      List<String> out = new ArrayList<>();
      for (String d : defaults) {
        if (WildcardPattern.matchList(d, rest, false) != 1) {
          out.add(d);
        }
      }
      return Optional.of(out);
    }
    List<String> names;
    if (first == '+') {
      names = concat(defaults, split(rest));
    } else if (first == '^') {
      names = concat(split(rest), defaults);
    } else {
      names = split(configured);
    }
    Set<String> out = new LinkedHashSet<>();
    for (String pattern : names) {
      if (pattern.startsWith("!")) {
        return Optional.empty();
      }
      for (String candidate : all) {
        if (WildcardPattern.matches(candidate, pattern)) {
          out.add(candidate);
        }
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(out));
  }

  /**
   * The assembled list as {@code sshd -T} and {@code ssh -G} print it, comma-joined, or {@code
   * null} where assembling fails ("invalid argument").
   */
  public static String joined(String configured, List<String> defaults, List<String> all) {
    return assemble(configured, defaults, all).map(names -> String.join(",", names)).orElse(null);
  }

  private static List<String> split(String list) {
    List<String> out = new ArrayList<>();
    for (String s : list.split(",", -1)) {
      out.add(s);
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    Set<String> out = new LinkedHashSet<>(a);
    out.addAll(b);
    return new ArrayList<>(out);
  }
}

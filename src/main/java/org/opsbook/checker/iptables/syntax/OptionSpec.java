package org.opsbook.checker.iptables.syntax;

import java.util.List;

/**
 * One option an extension understands.
 *
 * @param name canonical long name without dashes, as iptables-extensions(8) lists it
 * @param aliases other accepted long names ({@code dport} for {@code destination-port})
 * @param arity how many arguments follow (0, 1 or 2)
 * @param kind how the argument is validated
 * @param negatable whether {@code !} may come before it
 */
record OptionSpec(String name, List<String> aliases, int arity, ArgumentKind kind, boolean negatable) {
  OptionSpec {
    aliases = List.copyOf(aliases);
  }

  static OptionSpec flag(String name) {
    return new OptionSpec(name, List.of(), 0, ArgumentKind.NONE, false);
  }

  static OptionSpec negatableFlag(String name) {
    return new OptionSpec(name, List.of(), 0, ArgumentKind.NONE, true);
  }

  static OptionSpec of(String name, ArgumentKind kind) {
    return new OptionSpec(name, List.of(), 1, kind, false);
  }

  static OptionSpec negatable(String name, ArgumentKind kind, String... aliases) {
    return new OptionSpec(name, List.of(aliases), 1, kind, true);
  }

  boolean answersTo(String longName) {
    return name.equals(longName) || aliases.contains(longName);
  }
}

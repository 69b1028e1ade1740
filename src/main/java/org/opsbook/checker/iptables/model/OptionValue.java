package org.opsbook.checker.iptables.model;

import java.util.List;

/**
 * One option of a match or target, with its arguments: {@code --dport 22}, {@code ! --syn}.
 *
 * @param name the canonical long name without dashes, such as {@code dport}
 * @param args the arguments as written (none for flags)
 * @param negated whether {@code !} came before the option
 * @param at the option word
 */
public record OptionValue(String name, List<String> args, boolean negated, Word at) {
  public OptionValue {
    args = List.copyOf(args);
  }

  /** The first argument, or the empty string for flags. */
  public String arg() {
    return args.isEmpty() ? "" : args.get(0);
  }
}

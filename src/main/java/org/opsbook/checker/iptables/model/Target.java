package org.opsbook.checker.iptables.model;

import java.util.List;
import java.util.Optional;

/**
 * What a rule does when it matches: a built-in verdict, a target extension with its options, or a
 * user chain.
 *
 * @param name as written after {@code -j} or {@code -g}
 * @param options the target extension's options
 * @param isGoto whether it was {@code -g} (no return to the calling chain)
 * @param at the target name word
 */
public record Target(String name, List<OptionValue> options, boolean isGoto, Word at) {
  public Target {
    options = List.copyOf(options);
  }

  public Optional<OptionValue> option(String name) {
    return options.stream().filter(o -> o.name().equals(name)).findFirst();
  }
}

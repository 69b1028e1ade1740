package org.opsbook.checker.iptables.syntax;

import java.util.List;
import java.util.Optional;

/**
 * A match or target extension from iptables-extensions(8) with what it accepts and where the
 * kernel lets it run.
 *
 * @param name the module or target name
 * @param options the options it understands
 * @param protocols the {@code -p} values it requires (empty: any protocol)
 * @param tables the tables it may be used in (empty: any)
 * @param hooks the built-in chains it may be used in (empty: any); rules in user chains are
 *     not checked, since the kernel checks them against the chains that call them
 */
record Extension(String name, List<OptionSpec> options, List<String> protocols, List<String> tables, List<String> hooks) {
  Extension {
    options = List.copyOf(options);
    protocols = List.copyOf(protocols);
    tables = List.copyOf(tables);
    hooks = List.copyOf(hooks);
  }

  static Extension of(String name, OptionSpec... options) {
    return new Extension(name, List.of(options), List.of(), List.of(), List.of());
  }

  Extension forProtocols(String... protos) {
    return new Extension(name, options, List.of(protos), tables, hooks);
  }

  Extension inTables(String... names) {
    return new Extension(name, options, protocols, List.of(names), hooks);
  }

  Extension inHooks(String... chains) {
    return new Extension(name, options, protocols, tables, List.of(chains));
  }

  Optional<OptionSpec> exact(String longName) {
    for (OptionSpec o : options) {
      if (o.answersTo(longName)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}

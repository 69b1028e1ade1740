package org.opsbook.checker.apache.catalogue;

import java.util.Objects;

/**
 * A module Debian's apache2 package ships.
 *
 * @param name as a2enmod spells it: {@code rewrite}, {@code mpm_event}
 * @param source its source file, the name {@code <IfModule mod_rewrite.c>} matches
 * @param symbol its module structure, the name {@code LoadModule} and {@code <IfModule
 *     rewrite_module>} use
 * @param compiledIn whether it is built into the apache2 binary (always present)
 */
public record ModuleInfo(String name, String source, String symbol, boolean compiledIn) {
  public ModuleInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(symbol, "symbol");
  }
}

package org.opsbook.checker.apache.catalogue;

import java.util.Objects;

/**
 * One entry of httpd's command tables.
 *
 * @param module the module that provides it, as a2enmod names it ({@code rewrite})
 * @param name its canonical spelling ({@code RewriteRule}, {@code <Directory})
 * @param form how its arguments are split
 * @param override where it may appear ({@link Override} bits)
 * @param forbidden what its handler refuses with {@code ap_check_cmd_context} ({@link Forbidden} bits)
 * @param help httpd's one-line description, which it appends to argument-count errors
 */
public record DirectiveSpec(String module, String name, ArgForm form, int override, int forbidden, String help) {
  public DirectiveSpec {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(help, "help");
  }

  public boolean isSection() {
    return name.startsWith("<");
  }

  public boolean executesOnRead() {
    return (override & Overrides.EXEC_ON_READ) != 0;
  }
}

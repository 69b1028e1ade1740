package org.opsbook.theme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One place templates and static files are looked up: a site's {@code layouts/} folder, a theme
 * folder, or the built-in default theme inside the opsbook jar.
 *
 * @param name how messages name it, such as {@code themes/default}
 * @param templates the folder of {@code *.peb} templates (may not exist)
 * @param statics the folder of static assets (may not exist)
 */
public record ThemeRoot(String name, Path templates, Path statics) {

  /** How messages name one of its templates: {@code themes/custom/templates/page.peb}, {@code layouts/page.peb}. */
  public String shown(String templateName) {
    return name + (templates.getFileName() != null && templates.getFileName().toString().equals("templates")
        ? "/templates/" : "/") + templateName + ".peb";
  }

  public Optional<Path> template(String templateName) {
    Path p = templates.resolve(templateName + ".peb");
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

}

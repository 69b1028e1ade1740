package org.opsbook.maintenance;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Site-wide inputs of the maintenance build.
 *
 * @param projectRoot the folder that holds {@code content/} and {@code opsbook.yaml}
 * @param templateDirs template folders, first match wins (a site override before the theme)
 * @param staticDirs static asset folders in the same order
 * @param siteTitle shown on the page
 * @param language the page's {@code lang}
 * @param reference the instant "back in about N hours" is counted from (config or
 *     SOURCE_DATE_EPOCH); empty to state the expected time only and let the page's script add the
 *     words
 * @param budgetBytes warn when a page is larger than this
 */
public record MaintenanceSettings(
    Path projectRoot,
    List<Path> templateDirs,
    List<Path> staticDirs,
    String siteTitle,
    String language,
    Optional<Instant> reference,
    int budgetBytes) {
  public static final int DEFAULT_BUDGET = 100 * 1024;

  public MaintenanceSettings {
    Objects.requireNonNull(projectRoot, "projectRoot");
    Objects.requireNonNull(siteTitle, "siteTitle");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(reference, "reference");
    templateDirs = List.copyOf(templateDirs);
    staticDirs = List.copyOf(staticDirs);
  }

  /** The default theme of a project: {@code themes/default/templates} and {@code static}. */
  public static MaintenanceSettings forTheme(Path projectRoot, Path themeDir, String siteTitle, String language,
      Optional<Instant> reference) {
    return new MaintenanceSettings(projectRoot, List.of(themeDir.resolve("templates")), List.of(themeDir.resolve("static")),
        siteTitle, language, reference, DEFAULT_BUDGET);
  }

  /** {@code SOURCE_DATE_EPOCH} as an instant, when set to a number of seconds. */
  public static Optional<Instant> sourceDateEpoch(String value) {
    if (value == null || !value.strip().matches("[0-9]{1,12}")) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.strip())));
  }

  public MaintenanceSettings withBudget(int bytes) {
    return new MaintenanceSettings(projectRoot, templateDirs, staticDirs, siteTitle, language, reference, bytes);
  }
}

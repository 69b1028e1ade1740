package org.opsbook.maintenance;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opsbook.config.SiteConfig;
import org.opsbook.theme.Theme;
import org.opsbook.theme.ThemeRoot;

/**
 * Site-wide inputs of the maintenance build.
 *
 * @param projectRoot the project folder; diagnostics name theme files relative to it
 * @param contentDir the content folder, whose {@code maintenance/} holds the pages
 * @param contentDisplay how diagnostics name the content folder, such as {@code content}
 * @param theme the site's theme: its roots give the {@code maintenance} template and the static
 *     folders assets are inlined from, in lookup order
 * @param siteTitle shown on the page
 * @param language the page's {@code lang}
 * @param reference the instant "back in about N hours" is counted from ({@code
 *     SOURCE_DATE_EPOCH} or an option); empty to state the expected time only and let the page's
 *     script add the words
 * @param budgetBytes warn when a page is larger than this
 */
public record MaintenanceSettings(
    Path projectRoot,
    Path contentDir,
    String contentDisplay,
    Theme theme,
    String siteTitle,
    String language,
    Optional<Instant> reference,
    int budgetBytes) {
  public static final int DEFAULT_BUDGET = 100 * 1024;

  public MaintenanceSettings {
    Objects.requireNonNull(projectRoot, "projectRoot");
    Objects.requireNonNull(contentDir, "contentDir");
    Objects.requireNonNull(contentDisplay, "contentDisplay");
    Objects.requireNonNull(theme, "theme");
    Objects.requireNonNull(siteTitle, "siteTitle");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(reference, "reference");
  }

  /** The settings {@code opsbook build} has at hand: the site's folders, config and theme. */
  public static MaintenanceSettings of(Path projectRoot, Path contentDir, String contentDisplay, SiteConfig config,
      Theme theme, Optional<Instant> reference) {
    return new MaintenanceSettings(projectRoot, contentDir, contentDisplay, theme, config.title(), config.language(),
        reference, DEFAULT_BUDGET);
  }

  /** One theme folder with {@code templates/} and {@code static/}, as tests and tools use it. */
  public static MaintenanceSettings forTheme(Path projectRoot, Path themeDir, String siteTitle, String language,
      Optional<Instant> reference) {
    Theme theme = Theme.of(List.of(new ThemeRoot("theme", themeDir.resolve("templates"), themeDir.resolve("static"))));
    return new MaintenanceSettings(projectRoot, projectRoot.resolve("content"), "content", theme, siteTitle, language,
        reference, DEFAULT_BUDGET);
  }

  /** {@code SOURCE_DATE_EPOCH} as an instant, when set to a number of seconds. */
  public static Optional<Instant> sourceDateEpoch(String value) {
    if (value == null || !value.strip().matches("[0-9]{1,12}")) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.strip())));
  }

  /** The theme's static folders, in lookup order. */
  public List<Path> staticDirs() {
    return theme.roots().stream().map(ThemeRoot::statics).toList();
  }

  public MaintenanceSettings withBudget(int bytes) {
    return new MaintenanceSettings(projectRoot, contentDir, contentDisplay, theme, siteTitle, language, reference, bytes);
  }

  public MaintenanceSettings withReference(Optional<Instant> newReference) {
    return new MaintenanceSettings(projectRoot, contentDir, contentDisplay, theme, siteTitle, language, newReference,
        budgetBytes);
  }
}

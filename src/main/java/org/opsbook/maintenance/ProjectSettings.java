package org.opsbook.maintenance;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.opsbook.config.ConfigException;
import org.opsbook.config.ConfigLoader;
import org.opsbook.config.SiteConfig;
import org.opsbook.content.ProjectBoundary;
import org.opsbook.diag.Diagnostic;
import org.opsbook.theme.Theme;
import org.opsbook.theme.ThemeException;

/**
 * Reads what {@code opsbook maintenance} needs from a project: {@code opsbook.yaml} through the
 * site's {@link ConfigLoader} and the theme through {@link Theme#load}, so the page is built with
 * the same settings and theme lookup as the rest of the site.
 */
public final class ProjectSettings {
  private ProjectSettings() {}

  /**
   * @param root the project folder (where the theme is looked up)
   * @param contentDir the content folder
   * @param contentDisplay how diagnostics name the content folder
   * @param configFile the configuration file
   * @param reference the reference instant for "back in about N hours", if any
   * @throws ConfigException when the configuration is invalid (its diagnostics say why)
   * @throws ThemeException when the configured theme is missing
   */
  public static MaintenanceSettings read(Path root, Path contentDir, String contentDisplay, Path configFile,
      Optional<Instant> reference) throws ConfigException, ThemeException {
    String shown = root.toAbsolutePath().normalize().relativize(configFile.toAbsolutePath().normalize()).toString()
        .replace('\\', '/');
    // What the site's build refuses to read through a link leading out of the project, so is this.
    Optional<Diagnostic> outside = ProjectBoundary.linkedOut(configFile, root, shown, ProjectBoundary.CONFIG_HINT)
        .or(() -> ProjectBoundary.linkedOut(contentDir, root, contentDisplay, ProjectBoundary.CONTENT_HINT));
    if (outside.isPresent()) {
      throw new ConfigException(outside.get());
    }
    SiteConfig config = new ConfigLoader().load(configFile, shown);
    Theme theme = Theme.load(root, config.theme());
    return MaintenanceSettings.of(root, contentDir, contentDisplay, config, theme, reference);
  }
}

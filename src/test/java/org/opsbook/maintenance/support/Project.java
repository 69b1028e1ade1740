package org.opsbook.maintenance.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.opsbook.maintenance.MaintenanceBuilder;
import org.opsbook.maintenance.MaintenanceSettings;
import org.opsbook.maintenance.SiteMarkdown;

/** The project under test: its root (from surefire's {@code opsbook.root}) and its default theme. */
public final class Project {
  /** 2026-11-23T20:00:00Z, the reference instant the tests build with. */
  public static final Instant REFERENCE = Instant.parse("2026-11-23T20:00:00Z");

  private Project() {}

  public static Path root() {
    String configured = System.getProperty("opsbook.root");
    Path root = configured == null ? Path.of("").toAbsolutePath() : Path.of(configured);
    if (!Files.isDirectory(root.resolve("themes/default"))) {
      throw new IllegalStateException("not the project root: " + root);
    }
    return root;
  }

  public static MaintenanceSettings settings() {
    return MaintenanceSettings.forTheme(root(), root().resolve("themes/default"), "Example Shop", "en", Optional.of(REFERENCE));
  }

  /** Settings for a project folder made by a test, with the real default theme. */
  public static MaintenanceSettings settings(Path projectRoot) {
    return MaintenanceSettings.forTheme(projectRoot, root().resolve("themes/default"), "Example Shop", "en", Optional.of(REFERENCE));
  }

  public static MaintenanceBuilder builder() {
    return new MaintenanceBuilder(settings(), new SiteMarkdown());
  }
}

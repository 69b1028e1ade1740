package org.opsbook.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the few {@code opsbook.yaml} settings the maintenance build needs: {@code title}, {@code
 * language}, {@code theme}, and {@code maintenance.budget_kib} / {@code maintenance.reference_time}.
 * The reference instant is {@code maintenance.reference_time}, else {@code SOURCE_DATE_EPOCH}.
 */
public final class ProjectSettings {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ProjectSettings() {}

  /**
   * Settings for a project, or an explanation of why {@code opsbook.yaml} cannot be used.
   *
   * @param sourceDateEpoch the {@code SOURCE_DATE_EPOCH} environment value, or {@code null}
   */
  public static MaintenanceSettings read(Path root, String sourceDateEpoch) throws IOException, InvalidSettings {
    Path file = root.resolve("opsbook.yaml");
    JsonNode config = Files.isRegularFile(file) ? YAML.readTree(file.toFile()) : null;
    if (config == null || config.isMissingNode() || config.isNull()) {
      config = YAML.createObjectNode();
    }
    String title = config.path("title").asText("opsbook");
    String language = config.path("language").asText("en");
    String theme = config.path("theme").asText("default");
    JsonNode maintenance = config.path("maintenance");
    Optional<Instant> reference = MaintenanceSettings.sourceDateEpoch(sourceDateEpoch);
    if (maintenance.hasNonNull("reference_time")) {
      try {
        reference = Optional.of(Instant.parse(maintenance.get("reference_time").asText()));
      } catch (DateTimeParseException e) {
        throw new InvalidSettings("opsbook.yaml: maintenance.reference_time must be an ISO instant such as 2026-11-23T20:00:00Z");
      }
    }
    int budget = MaintenanceSettings.DEFAULT_BUDGET;
    if (maintenance.hasNonNull("budget_kib")) {
      if (!maintenance.get("budget_kib").canConvertToInt() || maintenance.get("budget_kib").asInt() < 1) {
        throw new InvalidSettings("opsbook.yaml: maintenance.budget_kib must be a positive whole number");
      }
      budget = maintenance.get("budget_kib").asInt() * 1024;
    }
    // A site's own themes/<name>/ comes before the bundled default theme, as for the other pages.
    List<Path> templates = new ArrayList<>();
    List<Path> statics = new ArrayList<>();
    for (Path themeDir : List.of(root.resolve("themes").resolve(theme), root.resolve("themes/default"))) {
      if (!templates.contains(themeDir.resolve("templates"))) {
        templates.add(themeDir.resolve("templates"));
        statics.add(themeDir.resolve("static"));
      }
    }
    return new MaintenanceSettings(root, templates, statics, title, language, reference, budget);
  }

  /** {@code opsbook.yaml} has a value the maintenance build cannot use. */
  public static final class InvalidSettings extends Exception {
    public InvalidSettings(String message) {
      super(message);
    }
  }
}

package org.opsbook.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The report formats {@code --format} accepts, by name. A format is made only when asked for:
 * the machine formats bring Jackson's and the XML writer's classes, which a text report never needs.
 */
public final class ReportFormats {
  private static final Map<String, Supplier<ReportFormat>> ALL = all();

  private ReportFormats() {}

  private static Map<String, Supplier<ReportFormat>> all() {
    Map<String, Supplier<ReportFormat>> formats = new LinkedHashMap<>();
    formats.put("text", TextFormat::new);
    formats.put("json", JsonFormat::new);
    formats.put("sarif", SarifFormat::new);
    formats.put("junit", JunitFormat::new);
    formats.put("github", GithubFormat::new);
    return formats;
  }

  public static Optional<ReportFormat> byName(String name) {
    Supplier<ReportFormat> format = ALL.get(name);
    return format == null ? Optional.empty() : Optional.of(format.get());
  }

  public static List<String> names() {
    return List.copyOf(ALL.keySet());
  }
}

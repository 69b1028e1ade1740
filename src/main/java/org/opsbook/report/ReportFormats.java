package org.opsbook.report;

import java.util.List;
import java.util.Optional;

/** The report formats {@code --format} accepts, by name. */
public final class ReportFormats {
  private static final List<ReportFormat> ALL = List.of(
          new TextFormat(), new JsonFormat(), new SarifFormat(), new JunitFormat(), new GithubFormat());

  private ReportFormats() {}

  public static Optional<ReportFormat> byName(String name) {
    return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public static List<String> names() {
    return ALL.stream().map(ReportFormat::name).toList();
  }
}

package org.opsbook.maintenance;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opsbook.diag.Diagnostic;

/**
 * The outcome of building one maintenance page.
 *
 * @param name the page name
 * @param files output file name to bytes, in writing order ({@code index.html} first); empty when
 *     there were errors
 * @param diagnostics every finding, sorted
 * @param pageBytes the size of {@code index.html}, 0 when it was not built
 * @param haproxyBufferSize the {@code tune.bufsize} the HAProxy config needs (16384 when the
 *     page fits the default)
 */
public record MaintenanceResult(
    String name, Map<String, byte[]> files, List<Diagnostic> diagnostics, int pageBytes, int haproxyBufferSize) {

  public MaintenanceResult {
    files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    diagnostics = diagnostics.stream().sorted().toList();
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public String text(String file) {
    byte[] bytes = files.get(file);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  /** One line for the console: {@code maintenance/upgrade: index.html 12,345 bytes, ...}. */
  public String summary(int budgetBytes) {
    if (files.isEmpty()) {
      return "maintenance/" + name + ": not built";
    }
    return String.format(Locale.ROOT, "maintenance/%s: index.html %,d bytes (budget %,d), %s; wrote %s",
        name, pageBytes, budgetBytes,
        haproxyBufferSize == 16384 ? "fits HAProxy's default buffer" : "HAProxy needs tune.bufsize " + haproxyBufferSize,
        String.join(", ", files.keySet()));
  }
}

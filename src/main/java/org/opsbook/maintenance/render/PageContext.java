package org.opsbook.maintenance.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.maintenance.page.ExpectedEndWords;
import org.opsbook.maintenance.page.MaintenancePage;
import org.opsbook.maintenance.page.PageLink;

/**
 * The variables the {@code maintenance} template sees: {@code site.title}, {@code site.language}
 * and {@code page.*} (title, message, body as HTML, expected_end, expected_end_iso,
 * expected_end_absolute, links, refresh, retry_after).
 */
public final class PageContext {
  private PageContext() {}

  public static Map<String, Object> of(
      MaintenancePage page, String bodyHtml, String siteTitle, String language, Optional<Instant> reference) {
    Map<String, Object> site = new LinkedHashMap<>();
    site.put("title", siteTitle);
    site.put("language", language);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", page.name());
    values.put("title", page.title());
    values.put("message", page.message());
    values.put("body", bodyHtml);
    values.put("refresh", page.refreshSeconds());
    values.put("retry_after", page.retryAfterSeconds());
    values.put("expected_end", page.expectedEnd()
        .map(end -> reference.map(now -> ExpectedEndWords.relative(end, now)).orElseGet(() -> ExpectedEndWords.withoutReference(end)))
        .orElse(""));
    values.put("expected_end_iso", page.expectedEnd().map(end -> end.toInstant().toString()).orElse(""));
    values.put("expected_end_absolute", page.expectedEnd().map(ExpectedEndWords::absolute).orElse(""));
    List<Map<String, Object>> links = new ArrayList<>();
    for (PageLink link : page.links()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("role", link.role());
      entry.put("href", link.href());
      entry.put("label", link.label());
      links.add(entry);
    }
    values.put("links", links);
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("site", site);
    context.put("page", values);
    return context;
  }
}

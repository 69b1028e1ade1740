package org.opsbook.config;

import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.opsbook.diag.Severity;
import org.opsbook.markdown.RawHtml;

/**
 * The site's settings from {@code opsbook.yaml}, after validation and command-line overrides.
 *
 * @param title the site's name, shown in the header and feeds
 * @param baseUrl the absolute URL the site is published at, ending with {@code /}
 * @param author the default author for feeds
 * @param language the BCP 47 language of the content, for {@code <html lang>}
 * @param description one sentence for the home page and feeds
 * @param theme the theme's folder name under {@code themes/}
 * @param checkerOptions per-checker settings flattened to {@code checker.key}
 * @param ruleSeverity rule IDs whose severity the site changes; {@code null} value means off
 * @param homeArticles how many recent articles the home page lists
 * @param hstsMaxAge for generated server configs, the HSTS max-age in seconds
 * @param rawHtml what raw HTML in Markdown becomes ({@code markdown.raw_html})
 */
public record SiteConfig(
    String title,
    URI baseUrl,
    String author,
    String language,
    String description,
    String theme,
    Map<String, String> checkerOptions,
    Map<String, Severity> ruleSeverity,
    int homeArticles,
    long hstsMaxAge,
    RawHtml rawHtml) {

  public SiteConfig {
    Objects.requireNonNull(title);
    Objects.requireNonNull(baseUrl);
    Objects.requireNonNull(author);
    Objects.requireNonNull(language);
    Objects.requireNonNull(description);
    Objects.requireNonNull(theme);
    checkerOptions = Collections.unmodifiableMap(new TreeMap<>(checkerOptions));
    ruleSeverity = Collections.unmodifiableMap(new TreeMap<>(ruleSeverity));
    Objects.requireNonNull(rawHtml);
  }

  /** Settings with raw HTML allowed, as before {@code markdown.raw_html} existed. */
  public SiteConfig(String title, URI baseUrl, String author, String language, String description, String theme,
      Map<String, String> checkerOptions, Map<String, Severity> ruleSeverity, int homeArticles, long hstsMaxAge) {
    this(title, baseUrl, author, language, description, theme, checkerOptions, ruleSeverity, homeArticles, hstsMaxAge,
        RawHtml.ALLOW);
  }

  /** The settings of a project with no {@code opsbook.yaml}. */
  public static SiteConfig defaults() {
    return new SiteConfig(
        "opsbook", URI.create("http://localhost/"), "", "en", "", "default", Map.of(), Map.of(), 10, 15_552_000L);
  }

  /** The path part of the base URL, such as {@code /} or {@code /docs/}; prefixes every link. */
  public String basePath() {
    String path = baseUrl.getRawPath();
    if (path == null || path.isEmpty()) {
      return "/";
    }
    return path.endsWith("/") ? path : path + "/";
  }

  /** An absolute URL for a site path such as {@code articles/x/}. */
  public String absoluteUrl(String sitePath) {
    String base = baseUrl.toString();
    if (!base.endsWith("/")) {
      base = base + "/";
    }
    String rel = sitePath.startsWith("/") ? sitePath.substring(basePath().length()) : sitePath;
    return base + rel;
  }

  public SiteConfig withBaseUrl(URI newBaseUrl) {
    return new SiteConfig(
        title, newBaseUrl, author, language, description, theme, checkerOptions, ruleSeverity, homeArticles, hstsMaxAge,
        rawHtml);
  }
}

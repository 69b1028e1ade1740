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
 * @param pageSize how many articles a tag or archive page lists before it continues on
 *     {@code page/2/} ({@code pagination.page_size}); 0 keeps every list on one page
 * @param edit where "edit this page" links point ({@code repo_url}, {@code edit_path})
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
    RawHtml rawHtml,
    int pageSize,
    EditLinks edit) {

  /** The base URL of a project that does not set {@code base_url}. */
  private static final URI UNSET_BASE_URL = URI.create("http://localhost/");

  /**
   * "Edit this page" links: the repository's web address and the path under it that edits a
   * content file, such as {@code https://github.com/example/runbooks} and {@code edit/main/content/}.
   * Both are empty when not configured.
   */
  public record EditLinks(String repoUrl, String editPath) {
    public static final EditLinks NONE = new EditLinks("", "");

    public EditLinks {
      Objects.requireNonNull(repoUrl);
      Objects.requireNonNull(editPath);
    }

    /** The link that edits the content file at {@code relPath}, or empty when links are off. */
    public String url(String relPath) {
      if (repoUrl.isEmpty()) {
        return "";
      }
      String base = repoUrl.endsWith("/") ? repoUrl : repoUrl + "/";
      String path = editPath.isEmpty() || editPath.endsWith("/") ? editPath : editPath + "/";
      try {
        // Encodes spaces and non-ASCII letters in the path, segment separators stay.
        return base + new URI(null, null, path + relPath, null).getRawPath();
      } catch (java.net.URISyntaxException e) {
        return "";
      }
    }
  }

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
    if (pageSize < 0) {
      throw new IllegalArgumentException("page size " + pageSize);
    }
    Objects.requireNonNull(edit);
  }

  /** Settings without pagination or edit links, as before those existed. */
  public SiteConfig(String title, URI baseUrl, String author, String language, String description, String theme,
      Map<String, String> checkerOptions, Map<String, Severity> ruleSeverity, int homeArticles, long hstsMaxAge,
      RawHtml rawHtml) {
    this(title, baseUrl, author, language, description, theme, checkerOptions, ruleSeverity, homeArticles, hstsMaxAge,
        rawHtml, 0, EditLinks.NONE);
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
        "opsbook", UNSET_BASE_URL, "", "en", "", "default", Map.of(), Map.of(), 10, 15_552_000L);
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

  /**
   * Whether the site knows where it is published ({@code base_url} or {@code --base-url}); links
   * meant for other sites, such as {@code og:url}, are absolute only then.
   */
  public boolean hasBaseUrl() {
    return !baseUrl.equals(UNSET_BASE_URL);
  }

  public SiteConfig withBaseUrl(URI newBaseUrl) {
    return new SiteConfig(
        title, newBaseUrl, author, language, description, theme, checkerOptions, ruleSeverity, homeArticles, hstsMaxAge,
        rawHtml, pageSize, edit);
  }
}

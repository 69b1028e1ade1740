package org.opsbook.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks a {@code base_url} (from opsbook.yaml or {@code --base-url}): an absolute {@code http} or
 * {@code https} URL with a host and a normalised path, because every link, feed and sitemap entry
 * of the site starts with it. {@code https://example.org//docs/} would make every link
 * protocol-relative to a host named {@code docs}; {@code ..} or {@code .} segments, a user name
 * and password, a query or a fragment have no meaning as a prefix and would leak or break links.
 */
public final class BaseUrls {
  private BaseUrls() {}

  /** The URL with a trailing slash; {@link IllegalArgumentException} says what is wrong. */
  public static URI parse(String raw) {
    String text = raw.strip();
    URI uri;
    try {
      uri = new URI(text.endsWith("/") ? text : text + "/");
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("is not a URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("is not an absolute http(s) URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("has no host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("contains a user name or password, which every page would publish");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("has a query or fragment, which cannot prefix links");
    }
    String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
    if (path.contains("//")) {
      throw new IllegalArgumentException("has '//' in its path, which would turn links into links to another host");
    }
    if (path.contains("/./") || path.contains("/../") || path.contains("\\")) {
      throw new IllegalArgumentException("has '.' or '..' segments in its path");
    }
    return uri;
  }
}

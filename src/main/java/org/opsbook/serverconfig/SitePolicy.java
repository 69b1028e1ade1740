package org.opsbook.serverconfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers and cache lifetimes every server flavour sends for an opsbook site, decided once so
 * that nginx and Apache say the same thing.
 */
final class SitePolicy {
  /**
   * Asset names that carry a content hash, such as {@code site.3f2a9c1e.css}: their content never
   * changes under that name, so caches may keep them for a year (RFC 8246 {@code immutable}).
   */
  static final String HASHED_ASSET_REGEX = "\\.[0-9a-f]{6,}\\.(css|js|mjs|svg|png|jpe?g|gif|webp|avif|woff2?|ico)$";
  static final String HASHED_ASSET_CACHE = "public, max-age=31536000, immutable";
  static final String OTHER_CACHE = "public, max-age=3600";
  /** Text types with a precompressed {@code .gz} sibling, and their media types. */
  static final Map<String, String> PRECOMPRESSED = precompressed();

  /**
   * The default theme loads scripts, styles, fonts and images from the site itself and writes no
   * inline script or style, so 'self' is enough; data: images cover small inline icons.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  private SitePolicy() {}

  static String htmlCache(VhostOptions o) {
    return "public, max-age=" + o.htmlMaxAge() + ", must-revalidate";
  }

  /** The Strict-Transport-Security value (RFC 6797 §6.1), or {@code null} without TLS. */
  static String hsts(VhostOptions o) {
    if (!o.tls()) {
      return null;
    }
    StringBuilder s = new StringBuilder("max-age=").append(o.hstsMaxAge());
    if (o.hstsIncludeSubDomains()) {
      s.append("; includeSubDomains");
    }
    if (o.hstsPreload()) {
      s.append("; preload");
    }
    return s.toString();
  }

  /** Security headers in the order they are written. */
  static Map<String, String> securityHeaders(VhostOptions o) {
    Map<String, String> h = new LinkedHashMap<>();
    String hsts = hsts(o);
    if (hsts != null) {
      h.put("Strict-Transport-Security", hsts);
    }
    h.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "strict-origin-when-cross-origin");
    return h;
  }

  private static Map<String, String> precompressed() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("html", "text/html");
    m.put("css", "text/css");
    m.put("js", "text/javascript");
    m.put("json", "application/json");
    m.put("xml", "application/xml");
    m.put("svg", "image/svg+xml");
    m.put("txt", "text/plain");
    return m;
  }
}

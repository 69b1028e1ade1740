package org.opsbook.maintenance.inline;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The media type of an asset, by file extension; only types a maintenance page has use for. */
final class MediaTypes {
  private static final Map<String, String> BY_EXTENSION = byExtension();

  private MediaTypes() {}

  private static Map<String, String> byExtension() {
    Map<String, String> types = new TreeMap<>();
    types.put("svg", "image/svg+xml");
    types.put("png", "image/png");
    types.put("jpg", "image/jpeg");
    types.put("jpeg", "image/jpeg");
    types.put("gif", "image/gif");
    types.put("webp", "image/webp");
    types.put("avif", "image/avif");
    types.put("ico", "image/vnd.microsoft.icon");
    types.put("woff2", "font/woff2");
    types.put("woff", "font/woff");
    types.put("ttf", "font/ttf");
    types.put("otf", "font/otf");
    types.put("css", "text/css");
    types.put("js", "text/javascript");
    return types;
  }

  static Optional<String> of(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }
}

package org.opsbook.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opsbook.config.SiteConfig;

/**
 * How a long list (a tag, the archive, the home page) is cut into pages: the first page stays at
 * the list's own path, page {@code n} follows at {@code <path>page/<n>/}. One place says this, so
 * the pages written, the URLs claimed and the sitemap always agree.
 */
final class Pagination {
  private Pagination() {}

  /** How many articles each page of a tag or the archive lists; 0 when lists are not cut. */
  static int listSize(SiteConfig config) {
    return config.pageSize();
  }

  /**
   * How many articles each page of the home list shows: {@code home_articles}, continued on
   * {@code page/2/} only when pagination is on; 0 when the home page is not cut.
   */
  static int homeSize(SiteConfig config) {
    return config.pageSize() > 0 ? config.homeArticles() : 0;
  }

  /** How many pages {@code total} articles make in pages of {@code size}; always at least one. */
  static int count(int total, int size) {
    return size <= 0 || total <= size ? 1 : (total + size - 1) / size;
  }

  /** The site path of page {@code number} (1-based) of the list at {@code base}. */
  static String path(String base, int number) {
    return number == 1 ? base : base + "page/" + number + "/";
  }

  /** The site paths of pages 2 and on of a list of {@code total} articles. */
  static List<String> extraPaths(String base, int total, int size) {
    List<String> out = new ArrayList<>();
    for (int n = 2; n <= count(total, size); n++) {
      out.add(path(base, n));
    }
    return out;
  }

  /** The articles page {@code number} shows. */
  static <T> List<T> slice(List<T> all, int size, int number) {
    if (size <= 0) {
      return all;
    }
    int from = Math.min(all.size(), (number - 1) * size);
    return all.subList(from, Math.min(all.size(), from + size));
  }

  /** What templates see: the page's number, the count and the neighbours' URLs ({@code ""} at the ends). */
  static Map<String, Object> model(SiteConfig config, String base, int number, int count) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", number);
    m.put("count", count);
    m.put("previous", number > 1 ? config.basePath() + path(base, number - 1) : "");
    m.put("next", number < count ? config.basePath() + path(base, number + 1) : "");
    return m;
  }
}

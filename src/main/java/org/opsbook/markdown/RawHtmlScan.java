package org.opsbook.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Looks into raw HTML written in Markdown for what must never reach a page: a {@code javascript:},
 * {@code vbscript:} or {@code data:} URL in any attribute that holds a URL, and an image, script,
 * style, font or frame fetched from another host. jsoup reads the HTML as a browser would,
 * character references included.
 */
final class RawHtmlScan {
  /** What was found: a forbidden URL or an external resource, with the tag and attribute it is in. */
  record Finding(boolean forbidden, String tag, String attribute, String url) {}

  /** Attributes whose value is a URL a browser may follow or fetch (HTML, SVG). */
  private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "data", "poster",
      "background", "cite", "longdesc", "usemap", "manifest", "codebase", "classid", "archive", "profile", "ping",
      "lowsrc", "dynsrc", "xlink:href", "srcset", "imagesrcset");
  /** Per element, the attributes whose URL the browser fetches as soon as the page loads. */
  private static final Map<String, Set<String>> FETCHED = Map.ofEntries(
      Map.entry("img", Set.of("src", "srcset", "lowsrc", "dynsrc")), Map.entry("script", Set.of("src")),
      Map.entry("iframe", Set.of("src")), Map.entry("frame", Set.of("src")), Map.entry("embed", Set.of("src")),
      Map.entry("object", Set.of("data", "codebase")), Map.entry("video", Set.of("src", "poster")),
      Map.entry("audio", Set.of("src")), Map.entry("source", Set.of("src", "srcset")), Map.entry("track", Set.of("src")),
      Map.entry("input", Set.of("src")), Map.entry("link", Set.of("href", "imagesrcset")),
      Map.entry("image", Set.of("href", "xlink:href")), Map.entry("use", Set.of("href", "xlink:href")),
      Map.entry("feimage", Set.of("href", "xlink:href")), Map.entry("body", Set.of("background")),
      Map.entry("table", Set.of("background")), Map.entry("td", Set.of("background")), Map.entry("th", Set.of("background")));
  private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]{0,2000})\\1\\s*\\)|@import\\s+(['\"])([^'\"]{0,2000})\\3",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern REFRESH_URL = Pattern.compile("url\\s*=\\s*['\"]?([^'\"]*)", Pattern.CASE_INSENSITIVE);

  private RawHtmlScan() {}

  static List<Finding> scan(String html) {
    List<Finding> out = new ArrayList<>();
    for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
      String tag = e.normalName();
      Set<String> fetched = FETCHED.getOrDefault(tag, Set.of());
      for (Attribute a : e.attributes()) {
        String key = a.getKey().toLowerCase(Locale.ROOT);
        String value = a.getValue();
        for (String url : urlsIn(key, value, tag, e)) {
          if (UrlSafety.forbiddenScheme(url).isPresent()) {
            out.add(new Finding(true, tag, key, url));
          } else if (fetched.contains(key) && UrlSafety.isExternal(url)) {
            out.add(new Finding(false, tag, key, url));
          }
        }
        if (key.equals("style")) {
          cssFindings(value, tag, key, out);
        }
      }
      if (tag.equals("style")) {
        cssFindings(e.data(), tag, "@import or url()", out);
      }
    }
    return out;
  }

  /** Whether the fragment is nothing but one HTML comment, which a browser never acts on. */
  static boolean isOnlyComment(String html) {
    String t = html.strip();
    return t.startsWith("<!--") && t.endsWith("-->") && t.indexOf("-->", 4) == t.length() - 3;
  }

  private static List<String> urlsIn(String key, String value, String tag, Element e) {
    if (key.equals("srcset") || key.equals("imagesrcset")) {
      List<String> urls = new ArrayList<>();
      for (String candidate : value.split(",")) {
        String c = candidate.strip();
        int space = c.indexOf(' ');
        urls.add(space < 0 ? c : c.substring(0, space));
      }
      return urls;
    }
    if (URL_ATTRIBUTES.contains(key)) {
      return List.of(value);
    }
    if (tag.equals("meta") && key.equals("content") && e.attr("http-equiv").equalsIgnoreCase("refresh")) {
      Matcher m = REFRESH_URL.matcher(value);
      return m.find() ? List.of(m.group(1)) : List.of();
    }
    return List.of();
  }

  private static void cssFindings(String css, String tag, String where, List<Finding> out) {
    for (String url : cssUrls(css)) {
      if (UrlSafety.forbiddenScheme(url).isPresent() || UrlSafety.isExternal(url)) {
        out.add(new Finding(UrlSafety.forbiddenScheme(url).isPresent(), tag, where, url));
      }
    }
  }

  private static List<String> cssUrls(String css) {
    List<String> urls = new ArrayList<>();
    Matcher m = CSS_URL.matcher(css);
    while (m.find()) {
      urls.add(Optional.ofNullable(m.group(2)).orElse(m.group(4)));
    }
    return urls;
  }
}

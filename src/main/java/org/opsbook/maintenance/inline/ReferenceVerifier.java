package org.opsbook.maintenance.inline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Proves a page references nothing outside itself. Every attribute that makes a browser load or
 * navigate is inspected, and every {@code url()} and {@code @import} in styles. Allowed are
 * in-page anchors ({@code #id}), {@code data:} URIs, {@code mailto:} links, and links ({@code <a
 * href>} only) to the exact URLs the author declared as contact or status pages: following a link
 * is the reader's choice and loads nothing when the page opens.
 */
public final class ReferenceVerifier {
  /** Attributes whose value is a URL (HTML Living Standard, plus SVG's href and xlink:href). */
  private static final Set<String> URL_ATTRIBUTES = Set.of(
      "src", "href", "xlink:href", "action", "formaction", "poster", "data", "background", "manifest",
      "ping", "codebase", "archive", "longdesc", "lowsrc", "icon", "cite", "itemtype");
  private static final Set<String> SRCSET_ATTRIBUTES = Set.of("srcset", "imagesrcset");
  private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*[\"']?([^\"')]*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CSS_IMPORT = Pattern.compile("@import", Pattern.CASE_INSENSITIVE);
  private static final Pattern REFRESH_URL = Pattern.compile("(?i)^\\s*\\d+(\\.\\d*)?\\s*[;,]?\\s*(url\\s*=)?\\s*(.*)$");

  private ReferenceVerifier() {}

  /** One reference that leaves the page: which element, which attribute, what value. */
  public record Offence(String element, String attribute, String value) {
    @Override
    public String toString() {
      return "<" + element + " " + attribute + "=\"" + shorten(value) + "\">";
    }

    private static String shorten(String value) {
      return value.length() > 80 ? value.substring(0, 77) + "..." : value;
    }
  }

  /**
   * Every offending reference, in document order; empty when the page is self-contained.
   *
   * @param navigation absolute URLs an {@code <a href>} may point at (declared contact/status links)
   */
  public static List<Offence> verify(Document document, Set<String> navigation) {
    List<Offence> offences = new ArrayList<>();
    for (Element element : document.getAllElements()) {
      String tag = element.normalName();
      for (Attribute attribute : element.attributes()) {
        String key = attribute.getKey().toLowerCase(Locale.ROOT);
        String value = attribute.getValue();
        if (URL_ATTRIBUTES.contains(key)) {
          boolean navigates = tag.equals("a") && key.equals("href");
          if (!isLocal(value) && !(navigates && navigation.contains(value.strip()))) {
            offences.add(new Offence(tag, key, value));
          }
        } else if (SRCSET_ATTRIBUTES.contains(key)) {
          for (String candidate : value.split(",")) {
            String url = candidate.strip().split("\\s+")[0];
            if (!url.isEmpty() && !url.startsWith("data:")) {
              offences.add(new Offence(tag, key, url));
            }
          }
        } else if (key.equals("style")) {
          checkCss(value, tag, "style", offences);
        }
      }
      if (tag.equals("style")) {
        checkCss(element.data(), tag, "text", offences);
      }
      if (tag.equals("base")) {
        offences.add(new Offence(tag, "href", element.attr("href")));
      }
      if (tag.equals("meta") && element.attr("http-equiv").equalsIgnoreCase("refresh")) {
        Matcher refresh = REFRESH_URL.matcher(element.attr("content"));
        if (!refresh.matches() || !refresh.group(3).isBlank()) {
          offences.add(new Offence(tag, "content", element.attr("content")));
        }
      }
    }
    return offences;
  }

  private static void checkCss(String css, String tag, String where, List<Offence> offences) {
    Matcher urls = CSS_URL.matcher(css);
    while (urls.find()) {
      String url = urls.group(1).strip();
      if (!url.startsWith("data:") && !url.startsWith("#")) {
        offences.add(new Offence(tag, where + " url()", url));
      }
    }
    if (CSS_IMPORT.matcher(css).find()) {
      offences.add(new Offence(tag, where, "@import"));
    }
  }

  private static boolean isLocal(String value) {
    String trimmed = value.strip();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    return trimmed.startsWith("#") || lower.startsWith("data:") || lower.startsWith("mailto:");
  }
}

package org.opsbook.site;

import org.opsbook.config.SiteConfig;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** RSS 2.0, Atom 1.0 and sitemap.xml, written by hand for exact, reproducible bytes. */
final class Feeds {
  static final int FEED_ENTRIES = 20;

  private Feeds() {}

  static String rss(SiteConfig config, List<ProcessedArticle> newestFirst) {
    StringBuilder out = new StringBuilder();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
    out.append("  <title>").append(XmlText.escape(config.title())).append("</title>\n");
    out.append("  <link>").append(XmlText.escape(config.absoluteUrl(""))).append("</link>\n");
    out.append("  <description>").append(XmlText.escape(config.description().isEmpty() ? config.title() : config.description()))
        .append("</description>\n");
    out.append("  <language>").append(XmlText.escape(config.language())).append("</language>\n");
    out.append("  <atom:link href=\"").append(XmlText.escape(config.absoluteUrl("feed.xml")))
        .append("\" rel=\"self\" type=\"application/rss+xml\"/>\n");
    if (!newestFirst.isEmpty()) {
      out.append("  <lastBuildDate>").append(Dates.rss(newest(newestFirst))).append("</lastBuildDate>\n");
    }
    for (ProcessedArticle a : newestFirst.subList(0, Math.min(FEED_ENTRIES, newestFirst.size()))) {
      String url = config.absoluteUrl(a.article().sitePath());
      out.append("  <item>\n");
      out.append("    <title>").append(XmlText.escape(a.meta().title())).append("</title>\n");
      out.append("    <link>").append(XmlText.escape(url)).append("</link>\n");
      out.append("    <guid isPermaLink=\"true\">").append(XmlText.escape(url)).append("</guid>\n");
      out.append("    <pubDate>").append(Dates.rss(a.meta().date())).append("</pubDate>\n");
      for (String tag : a.meta().tags()) {
        out.append("    <category>").append(XmlText.escape(tag)).append("</category>\n");
      }
      out.append("    <description>").append(XmlText.escape(a.meta().summary())).append("</description>\n");
      out.append("  </item>\n");
    }
    out.append("</channel>\n</rss>\n");
    return out.toString();
  }

  static String atom(SiteConfig config, List<ProcessedArticle> newestFirst) {
    StringBuilder out = new StringBuilder();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(XmlText.escape(config.language())).append("\">\n");
    out.append("  <title>").append(XmlText.escape(config.title())).append("</title>\n");
    out.append("  <id>").append(XmlText.escape(config.absoluteUrl(""))).append("</id>\n");
    out.append("  <link href=\"").append(XmlText.escape(config.absoluteUrl(""))).append("\"/>\n");
    out.append("  <link rel=\"self\" href=\"").append(XmlText.escape(config.absoluteUrl("atom.xml"))).append("\"/>\n");
    out.append("  <updated>").append(newestFirst.isEmpty() ? "1970-01-01T00:00:00Z" : Dates.atom(newest(newestFirst)))
        .append("</updated>\n");
    out.append("  <author><name>").append(XmlText.escape(config.author().isEmpty() ? config.title() : config.author()))
        .append("</name></author>\n");
    for (ProcessedArticle a : newestFirst.subList(0, Math.min(FEED_ENTRIES, newestFirst.size()))) {
      String url = config.absoluteUrl(a.article().sitePath());
      java.time.LocalDate updated = a.meta().updated() == null ? a.meta().date() : a.meta().updated();
      out.append("  <entry>\n");
      out.append("    <title>").append(XmlText.escape(a.meta().title())).append("</title>\n");
      out.append("    <id>").append(XmlText.escape(url)).append("</id>\n");
      out.append("    <link href=\"").append(XmlText.escape(url)).append("\"/>\n");
      out.append("    <published>").append(Dates.atom(a.meta().date())).append("</published>\n");
      out.append("    <updated>").append(Dates.atom(updated)).append("</updated>\n");
      for (String tag : a.meta().tags()) {
        out.append("    <category term=\"").append(XmlText.escape(tag)).append("\"/>\n");
      }
      out.append("    <summary>").append(XmlText.escape(a.meta().summary())).append("</summary>\n");
      out.append("    <content type=\"html\">").append(XmlText.escape(a.bodyHtml())).append("</content>\n");
      out.append("  </entry>\n");
    }
    out.append("</feed>\n");
    return out.toString();
  }

  /**
   * @param lastUpdate the day an article last changed (as its page says), or null for its
   *     publication date
   */
  static String sitemap(SiteConfig config, List<ProcessedArticle> articles,
      java.util.function.Function<ProcessedArticle, java.time.LocalDate> lastUpdate, List<String> otherPaths) {
    StringBuilder out = new StringBuilder();
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    Set<String> seen = new TreeSet<>();
    for (ProcessedArticle a : articles) {
      seen.add(a.article().sitePath());
      java.time.LocalDate updated = lastUpdate.apply(a);
      java.time.LocalDate last = updated != null ? updated : a.meta().date();
      out.append("  <url><loc>").append(XmlText.escape(config.absoluteUrl(a.article().sitePath()))).append("</loc>");
      if (last != null) {
        out.append("<lastmod>").append(last).append("</lastmod>");
      }
      out.append("</url>\n");
    }
    for (String path : otherPaths) {
      if (seen.add(path)) {
        out.append("  <url><loc>").append(XmlText.escape(config.absoluteUrl(path))).append("</loc></url>\n");
      }
    }
    out.append("</urlset>\n");
    return out.toString();
  }

  /** The latest date any article was published or updated, or null when there are none. */
  static java.time.LocalDate newest(List<ProcessedArticle> articles) {
    java.time.LocalDate best = null;
    for (ProcessedArticle a : articles) {
      java.time.LocalDate d = a.meta().updated() != null ? a.meta().updated() : a.meta().date();
      if (best == null || d.isAfter(best)) {
        best = d;
      }
    }
    return best;
  }
}

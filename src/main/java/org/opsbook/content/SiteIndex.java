package org.opsbook.content;

import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The small site-wide index every article may consult while it is processed on its own: which
 * pages and files the site will contain. Immutable, so articles can be processed in parallel.
 */
public final class SiteIndex {
  /** Pages the build generates besides articles; links to them are valid. */
  private static final Set<String> GENERATED =
      Set.of("", "tags/", "archive/", "search/", "rules/", "404.html", "feed.xml", "atom.xml", "sitemap.xml",
          "robots.txt", "search-index.json");

  /** Page 2 and on of the archive and of the home list, when pagination cuts them. */
  private static final Pattern FURTHER_LIST_PAGE = Pattern.compile("(archive/)?page/[0-9]+/");

  private final Set<String> pages;
  private final Set<String> files;
  private final Set<String> rulePages;

  /**
   * @param pages site paths of articles and pages, such as {@code articles/x/}
   * @param files content-relative paths of every other file, such as {@code articles/x/diagram.png}
   */
  public SiteIndex(Set<String> pages, Set<String> files) {
    this(pages, files, Set.of());
  }

  /**
   * @param rulePages the site paths of the rule pages a link may name, such as {@code
   *     rules/sshd.weak-mac/}: the build writes the page of every rule a link names
   */
  public SiteIndex(Set<String> pages, Set<String> files, Set<String> rulePages) {
    this.pages = Collections.unmodifiableSet(new TreeSet<>(pages));
    this.files = Collections.unmodifiableSet(new TreeSet<>(files));
    this.rulePages = Set.copyOf(rulePages);
  }

  /** The index of a content tree; {@code rulePages} as for {@link #SiteIndex(Set, Set, Set)}. */
  public static SiteIndex of(ContentTree tree, Set<String> rulePages) {
    return of(tree, rulePages, Set.of());
  }

  /**
   * The index of a content tree and of what the build makes from its other sources.
   *
   * @param rulePages as for {@link #SiteIndex(Set, Set, Set)}
   * @param made site paths the build writes besides articles and the generated lists, such as a
   *     maintenance page ({@code maintenance/upgrade/}) and its configs; a path ending in {@code /}
   *     is a page
   */
  public static SiteIndex of(ContentTree tree, Set<String> rulePages, Set<String> made) {
    Set<String> pages = new TreeSet<>();
    Set<String> files = new TreeSet<>();
    for (String path : made) {
      (path.endsWith("/") ? pages : files).add(path);
    }
    for (Article a : tree.articles()) {
      pages.add(a.sitePath());
      for (String asset : a.assets()) {
        files.add(a.sitePath() + asset);
      }
    }
    for (SourceFile f : tree.staticFiles()) {
      files.add(f.relPath());
    }
    return new SiteIndex(pages, files, rulePages);
  }

  /**
   * What a link target turned out to be. {@code OUTSIDE}: a relative path that climbs above the
   * content folder, where the site has nothing (and opsbook reads nothing).
   */
  public enum TargetKind { PAGE, FILE, MISSING_PAGE, MISSING_FILE, OUTSIDE }

  /** A link target resolved to a site path, with any {@code #fragment} or {@code ?query} kept. */
  public record Target(TargetKind kind, String sitePath, String suffix) {
    public boolean exists() {
      return kind == TargetKind.PAGE || kind == TargetKind.FILE;
    }
  }

  /**
   * Resolves a relative or site-absolute link written in {@code fromRelPath} (a content-relative
   * file path). Returns empty for links the site does not own: external URLs, {@code mailto:},
   * in-page anchors.
   */
  public Optional<Target> resolve(String fromRelPath, String href) {
    if (href.isEmpty() || href.startsWith("#") || href.startsWith("//") || hasScheme(href)) {
      return Optional.empty();
    }
    int cut = firstOf(href, '#', '?');
    String path = cut < 0 ? href : href.substring(0, cut);
    String suffix = cut < 0 ? "" : href.substring(cut);
    if (path.isEmpty()) {
      return Optional.empty();
    }
    String baseDir = fromRelPath.contains("/") ? fromRelPath.substring(0, fromRelPath.lastIndexOf('/') + 1) : "";
    String joined = path.startsWith("/") ? path.substring(1) : baseDir + path;
    String normal = normalize(joined);
    if (normal == null) {
      return Optional.of(new Target(TargetKind.OUTSIDE, path, suffix));
    }
    if (normal.endsWith(".md")) {
      String page = pagePathOfMarkdown(normal);
      return Optional.of(new Target(pages.contains(page) ? TargetKind.PAGE : TargetKind.MISSING_PAGE, page, suffix));
    }
    if (files.contains(normal)) {
      return Optional.of(new Target(TargetKind.FILE, normal, suffix));
    }
    String asDir = normal.isEmpty() || normal.endsWith("/") ? normal : normal + "/";
    // A tag's pages and the further pages of a list pass here: which tags exist and how many pages
    // a list fills are known once every article has been read, and the site-wide pass (the site's
    // ListPageLinkCheck) confirms them then.
    if (pages.contains(asDir) || GENERATED.contains(asDir) || GENERATED.contains(normal) || isListPage(asDir)
        || rulePages.contains(asDir)) {
      return Optional.of(new Target(TargetKind.PAGE, GENERATED.contains(normal) ? normal : asDir, suffix));
    }
    boolean looksLikeFile = !normal.endsWith("/") && normal.substring(normal.lastIndexOf('/') + 1).contains(".");
    return Optional.of(new Target(looksLikeFile ? TargetKind.MISSING_FILE : TargetKind.MISSING_PAGE, normal, suffix));
  }

  /**
   * Whether a site path is one of the list pages this index lets pass, as only every article
   * together says which exist: a tag's pages ({@code tags/backup/}, {@code tags/backup/page/2/})
   * and the further pages of the archive and the home list ({@code archive/page/2/}, {@code page/2/}).
   */
  public static boolean isListPage(String sitePath) {
    return (sitePath.startsWith("tags/") && !sitePath.equals("tags/")) || FURTHER_LIST_PAGE.matcher(sitePath).matches();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SiteIndex other && pages.equals(other.pages) && files.equals(other.files)
        && rulePages.equals(other.rulePages);
  }

  @Override
  public int hashCode() {
    return pages.hashCode() * 31 + files.hashCode();
  }

  private static String pagePathOfMarkdown(String mdPath) {
    if (mdPath.endsWith("/index.md")) {
      return mdPath.substring(0, mdPath.length() - "index.md".length());
    }
    if (mdPath.equals("index.md")) {
      return "";
    }
    return mdPath.substring(0, mdPath.length() - 3) + "/";
  }

  /** Removes {@code .} and {@code ..} segments; {@code null} when the path climbs above the root. */
  static String normalize(String path) {
    String[] parts = path.split("/", -1);
    java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      boolean last = i == parts.length - 1;
      if (p.equals(".") || (p.isEmpty() && !last)) {
        continue;
      }
      if (p.equals("..")) {
        if (out.isEmpty()) {
          return null;
        }
        out.removeLast();
        continue;
      }
      out.addLast(p);
    }
    String joined = String.join("/", out);
    if (path.endsWith("/") && !joined.isEmpty() && !joined.endsWith("/")) {
      joined = joined + "/";
    }
    return joined.equals("/") ? "" : joined;
  }

  private static boolean hasScheme(String href) {
    int colon = href.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = href.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  private static int firstOf(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    if (i < 0) {
      return j;
    }
    return j < 0 ? i : Math.min(i, j);
  }
}

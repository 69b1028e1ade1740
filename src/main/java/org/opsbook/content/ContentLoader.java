package org.opsbook.content;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.diag.Diagnostic;

/**
 * Walks the content folder. Listings are sorted, so the same tree always gives the same order.
 *
 * <ul>
 *   <li>{@code articles/<slug>/index.md} is an article; every other file in its folder is one of
 *       its assets.
 *   <li>{@code <name>.md} anywhere else (outside {@code maintenance/}) is a page at {@code
 *       <dir>/<name>/}.
 *   <li>{@code maintenance/*.md} are maintenance pages, built on their own.
 *   <li>Every other file is copied to the same path.
 * </ul>
 *
 * <p>Nothing outside the content folder is listed: see {@link ContentWalk} for symbolic links.
 */
public final class ContentLoader {
  private final Path contentDir;
  private final String displayPrefix;

  /**
   * @param contentDir the content folder
   * @param displayPrefix how diagnostics name that folder, such as {@code content}
   */
  public ContentLoader(Path contentDir, String displayPrefix) {
    this.contentDir = contentDir;
    this.displayPrefix = displayPrefix.endsWith("/") ? displayPrefix.substring(0, displayPrefix.length() - 1) : displayPrefix;
  }

  public ContentTree load() throws IOException {
    ContentWalk.Result walk = new ContentWalk(contentDir, displayPrefix).run();
    return classify(walk.files(), walk.problems());
  }

  /**
   * What the content folder holds at or below {@code under} (a file or a folder inside it): the
   * files {@link #load()} would list there, sorted, and the problems it would meet there. For a
   * caller that re-reads only the part of the tree that changed.
   */
  public Listing list(Path under) throws IOException {
    ContentWalk walk = new ContentWalk(contentDir, displayPrefix);
    ContentWalk.Result result = walk.run(under);
    return new Listing(result.files(), result.problems(), walk.shown(under));
  }

  /**
   * Part of the content folder's listing.
   *
   * @param files the regular files, sorted
   * @param problems what could not be listed there
   * @param shown how diagnostics name the place listed
   */
  public record Listing(List<Path> files, List<Diagnostic> problems, String shown) {
    /** Whether {@code problem}, from an earlier listing, was met at the place this listing covers. */
    public boolean covers(Diagnostic problem) {
      return ContentWalk.isAtOrBelow(problem.where().file(), shown);
    }
  }

  /** Sorts content files, as {@link #list} lists them, into articles, pages and other files. */
  public ContentTree classify(List<Path> files, List<Diagnostic> problems) {
    Map<String, List<String>> assetsBySlug = new TreeMap<>();
    Map<String, SourceFile> articleSources = new TreeMap<>();
    List<Article> pages = new ArrayList<>();
    List<SourceFile> statics = new ArrayList<>();
    List<SourceFile> maintenance = new ArrayList<>();
    for (Path file : files) {
      String rel = contentDir.relativize(file).toString().replace('\\', '/');
      String name = file.getFileName().toString();
      if (name.startsWith(".") || rel.contains("/.")) {
        continue;
      }
      SourceFile source = new SourceFile(file, displayPrefix.isEmpty() ? rel : displayPrefix + "/" + rel, rel);
      String[] parts = rel.split("/");
      if (parts[0].equals("articles") && parts.length >= 3) {
        String slug = parts[1];
        if (parts.length == 3 && name.equals("index.md")) {
          articleSources.put(slug, source);
        } else {
          assetsBySlug.computeIfAbsent(slug, k -> new ArrayList<>()).add(rel.substring(("articles/" + slug + "/").length()));
        }
      } else if (parts[0].equals("maintenance")) {
        if (name.endsWith(".md")) {
          maintenance.add(source);
        } else {
          statics.add(source);
        }
      } else if (name.endsWith(".md")) {
        String dir = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/') + 1) : "";
        String slug = name.substring(0, name.length() - 3);
        String sitePath = slug.equals("index") ? dir : dir + slug + "/";
        pages.add(new Article(Kind.PAGE, slug, sitePath, source, List.of()));
      } else {
        statics.add(source);
      }
    }
    List<Article> articles = new ArrayList<>();
    for (Map.Entry<String, SourceFile> e : articleSources.entrySet()) {
      String slug = e.getKey();
      articles.add(new Article(Kind.ARTICLE, slug, "articles/" + slug + "/", e.getValue(),
          assetsBySlug.getOrDefault(slug, List.of())));
    }
    // Files in an article folder without an index.md are still published, as plain files.
    for (Map.Entry<String, List<String>> e : assetsBySlug.entrySet()) {
      if (!articleSources.containsKey(e.getKey())) {
        for (String asset : e.getValue()) {
          String rel = "articles/" + e.getKey() + "/" + asset;
          statics.add(new SourceFile(contentDir.resolve(rel), displayPrefix + "/" + rel, rel));
        }
      }
    }
    articles.addAll(pages);
    statics.sort(null);
    List<Diagnostic> sortedProblems = new ArrayList<>(problems);
    sortedProblems.sort(null);
    return new ContentTree(articles, statics, maintenance, sortedProblems);
  }
}

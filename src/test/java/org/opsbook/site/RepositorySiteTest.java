package org.opsbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.content.ContentLoader;
import org.opsbook.content.ContentTree;
import org.opsbook.content.Kind;
import org.opsbook.testing.MiniSite;
import org.w3c.dom.NodeList;

/**
 * Builds the project's own content/ with every registered checker, as {@code ./opsbook build}
 * does, and checks the site a reader would get.
 */
class RepositorySiteTest {
  @TempDir static Path out;
  static BuildResult result;
  static ContentTree tree;
  static Path root;

  @BeforeAll
  static void build() throws Exception {
    root = MiniSite.repositoryRoot();
    result = new Build(CheckerRegistry.load()).run(BuildOptions.forProject(root).withOutput(out.resolve("site")));
    tree = new ContentLoader(root.resolve("content"), "content").load();
  }

  private static Path site() {
    return out.resolve("site");
  }

  private static List<Path> htmlFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(site())) {
      return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  @Test
  void buildsCleanly() {
    assertFalse(result.hasErrors(), () -> String.join("\n", result.report().diagnostics().stream().map(Object::toString).toList()));
    assertTrue(result.written());
  }

  @Test
  void everyArticleHasAPage() {
    for (var a : tree.articles()) {
      assertTrue(Files.exists(site().resolve(a.sitePath()).resolve("index.html")), a.sitePath());
    }
  }

  @Test
  void everyInternalLinkAndSourceResolvesToAProducedFile() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : htmlFiles()) {
      Document doc = Jsoup.parse(page.toFile(), "UTF-8");
      for (Element e : doc.select("[href], [src]")) {
        String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
        if (url.isEmpty() || url.startsWith("#") || url.startsWith("mailto:") || url.startsWith("data:")) {
          continue;
        }
        if (url.startsWith("http:") || url.startsWith("https:") || url.startsWith("//")) {
          if (e.tagName().equals("a") || e.tagName().equals("link") && e.attr("rel").equals("canonical")) {
            continue;
          }
          broken.add(site().relativize(page) + ": off-site asset " + url);
          continue;
        }
        String path = URI.create(url).getPath();
        Path target = path.startsWith("/") ? site().resolve(path.substring(1)) : page.getParent().resolve(path);
        if (Files.isDirectory(target)) {
          target = target.resolve("index.html");
        }
        if (!Files.exists(target)) {
          broken.add(site().relativize(page) + ": " + url);
        }
      }
    }
    assertEquals(List.of(), broken);
  }

  @Test
  void feedsAndSitemapParseAndListEveryArticle() throws Exception {
    Set<String> expected = new TreeSet<>();
    for (var a : tree.articles()) {
      if (a.kind() == Kind.ARTICLE) {
        expected.add("https://opsbook.example.org/" + a.sitePath());
      }
    }
    assertEquals(expected, locations("sitemap.xml", "loc", expected));
    assertEquals(expected, locations("feed.xml", "link", expected));
    org.w3c.dom.Document atom = parse("atom.xml");
    assertEquals("feed", atom.getDocumentElement().getLocalName());
  }

  private static Set<String> locations(String file, String tag, Set<String> filter) throws Exception {
    NodeList nodes = parse(file).getElementsByTagName(tag);
    Set<String> found = new TreeSet<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      String text = nodes.item(i).getTextContent().strip();
      if (text.contains("/articles/")) {
        found.add(text);
      }
    }
    return found;
  }

  private static org.w3c.dom.Document parse(String file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(site().resolve(file).toFile());
  }

  @Test
  void pagesMakeNoExternalRequests() throws IOException {
    for (Path page : htmlFiles()) {
      Document doc = Jsoup.parse(page.toFile(), "UTF-8");
      for (Element e : doc.select("script[src], link[rel=stylesheet], img[src], link[rel=icon], iframe, video, audio, source")) {
        String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
        assertFalse(url.startsWith("http") || url.startsWith("//"), page + ": " + e);
      }
    }
    String css = Files.readString(Files.list(site().resolve("css")).findFirst().orElseThrow(), StandardCharsets.UTF_8);
    assertFalse(css.contains("@import") || css.contains("url(http") || css.contains("url(//"));
  }

  @Test
  void everyCheckerHasADeliberatelyWrongExampleAndAPassingTestBlock() {
    Set<String> withExpect = new TreeSet<>();
    Set<String> withTests = new TreeSet<>();
    CheckerRegistry registry = CheckerRegistry.load();
    for (ProcessedArticle a : result.articles()) {
      Document doc = Jsoup.parse(a.bodyHtml());
      for (Element fig : doc.select("figure.snippet-expected")) {
        registry.forLanguage(fig.selectFirst("pre").attr("data-lang")).ifPresent(c -> withExpect.add(c.id()));
      }
      for (var t : a.tests()) {
        Element subject = doc.getElementById("snippet-" + t.forId());
        if (subject != null && !t.results().isEmpty() && t.results().stream().allMatch(r -> r.passed())) {
          registry.forLanguage(subject.selectFirst("pre").attr("data-lang")).ifPresent(c -> withTests.add(c.id()));
        }
      }
    }
    Set<String> all = new TreeSet<>();
    registry.checkers().forEach(c -> all.add(c.id()));
    assertEquals(all, withExpect, "every checker has an expect= example in content/");
    assertEquals(all, withTests, "every checker has a passing test block in content/");
  }

  @Test
  void imagesHaveAltText() throws IOException {
    for (Path page : htmlFiles()) {
      for (Element img : Jsoup.parse(page.toFile(), "UTF-8").select("main img")) {
        assertTrue(img.hasAttr("alt") && !img.attr("alt").isBlank(), page + ": " + img);
      }
    }
  }

  @Test
  void pagesHaveLandmarksAndOneH1() throws IOException {
    for (Path page : htmlFiles()) {
      Document doc = Jsoup.parse(page.toFile(), "UTF-8");
      if (doc.selectFirst("meta[http-equiv=refresh]") != null || page.toString().contains("/maintenance/")) {
        continue;
      }
      assertEquals(1, doc.select("main").size(), page.toString());
      assertEquals(1, doc.select("h1").size(), page.toString());
      assertFalse(doc.select("header, nav").isEmpty(), page.toString());
      assertFalse(doc.selectFirst("html").attr("lang").isEmpty(), page.toString());
    }
  }

  @Test
  void aSecondBuildIsByteIdentical() throws Exception {
    Path again = out.resolve("again");
    new Build(CheckerRegistry.load()).run(BuildOptions.forProject(root).withOutput(again));
    List<String> first = listing(site());
    assertEquals(first, listing(again));
    for (String file : first) {
      assertTrue(java.util.Arrays.equals(Files.readAllBytes(site().resolve(file)), Files.readAllBytes(again.resolve(file))),
          file);
    }
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }
}

package org.opsbook.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.report.ExitPolicy;
import org.opsbook.testing.ToyChecker;

/**
 * Random sequences of what a writer does under {@code opsbook serve} (edit, add, delete and
 * rename articles, add and remove images and symbolic links, change the theme, the configuration,
 * a page), each followed by an incremental rebuild told only the paths a file watcher would
 * report. After every step the incremental site must be byte-identical to a cold build of the
 * same tree, and report the same diagnostics. Seeded, so a failure replays; each seed's sequence names its steps.
 */
class IncrementalBuildTest {
  private static final int STEPS = 12;
  /** More than the feeds list, so that an old article can change a feed's date without being in it. */
  private static final List<String> SLUGS = List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
      "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi",
      "omega", "aleph", "beth");
  private static final List<String> WORDS = List.of("sshd", "firewall", "relay", "bastion", "keys", "audit", "queue",
      "tunnel", "backup", "rotate");
  // "C" and "C++" share a slug: a tag collision, reported at whichever article spells it second.
  private static final List<String> TAGS = List.of("ssh", "Security", "mail", "net", "C", "C++");

  @TempDir Path dir;

  private final Build build = new Build(CheckerRegistry.of(List.of(new ToyChecker())), 2);
  private Random random;
  private int coldBuilds;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void incrementalRebuildsEqualColdBuilds(long seed) throws Exception {
    random = new Random(seed);
    Files.writeString(dir.resolve("opsbook.yaml"), "title: Incremental\nbase_url: https://ops.example.org/\n");
    Files.createDirectories(dir.resolve("content"));
    Files.writeString(dir.resolve("content/about.md"), "---\ntitle: About\n---\nAbout [alpha](articles/alpha/).\n");
    Files.writeString(dir.resolve("content/robots-note.txt"), "static\n");
    for (String slug : SLUGS.subList(0, 23)) {
      writeArticle(slug);
    }
    BuildOptions options = BuildOptions.forProject(dir).withDrafts(true)
        .withBaseUrl(URI.create("http://127.0.0.1:1414/")).withPolicy(new ExitPolicy(false, -1, true))
        .withClock(Instant.parse("2026-05-01T00:00:00Z"), Optional.empty());
    SiteSession session = build.session(options);
    BuildResult first = session.rebuild(SourceChanges.EVERYTHING);
    assertSameAsCold(session, first, options, "first build");
    List<String> history = new ArrayList<>();
    for (int step = 0; step < STEPS; step++) {
      List<Path> changed = new ArrayList<>();
      String what = change(changed);
      history.add(what);
      BuildResult r = session.rebuild(SourceChanges.of(changed));
      assertSameAsCold(session, r, options, "seed " + seed + " after " + String.join(", ", history));
    }
    assertTrue(coldBuilds > STEPS);
  }

  @org.junit.jupiter.api.Test
  void anOldArticleUpdatedReachesTheFeedsItIsNotListedIn() throws Exception {
    Files.writeString(dir.resolve("opsbook.yaml"), "title: Feeds\n");
    for (int i = 0; i < Feeds.FEED_ENTRIES + 2; i++) {
      Path file = dir.resolve("content/articles/a" + i + "/index.md");
      Files.createDirectories(file.getParent());
      Files.writeString(file, "---\ntitle: A" + i + "\ndate: 2026-01-" + (10 + i) + "\n---\nText.\n");
    }
    BuildOptions options = smallSiteOptions();
    SiteSession session = firstBuild(options);
    Path oldest = dir.resolve("content/articles/a0/index.md");
    Files.writeString(oldest, "---\ntitle: A0\ndate: 2026-01-10\nupdated: 2026-04-01\n---\nText.\n");
    assertSameAsCold(session, session.rebuild(SourceChanges.of(List.of(oldest))), options, "updating the oldest");
  }

  @org.junit.jupiter.api.Test
  void warmingUpChangesNothingAndTheNextEditStillReachesThePage() throws Exception {
    Files.writeString(dir.resolve("opsbook.yaml"), "title: Warm\n");
    List<String> slugs = List.of("a", "b", "c");
    for (int i = 0; i < slugs.size(); i++) {
      Path file = dir.resolve("content/articles/" + slugs.get(i) + "/index.md");
      Files.createDirectories(file.getParent());
      Files.writeString(file, "---\ntitle: " + slugs.get(i) + "\ndate: 2026-01-1" + i + "\n---\nText of " + slugs.get(i) + ".\n");
    }
    BuildOptions options = smallSiteOptions();
    SiteSession session = firstBuild(options);
    SiteFiles before = session.files();
    session.warmUp(7, java.time.Duration.ofSeconds(30));
    assertEquals(before.paths(), session.files().paths());
    for (String path : before.paths()) {
      assertArrayEquals(before.get(path).orElseThrow(), session.files().get(path).orElseThrow(), path);
    }
    Path a = dir.resolve("content/articles/a/index.md");
    Files.writeString(a, "---\ntitle: a\ndate: 2026-01-10\n---\nWarm text.\n");
    assertSameAsCold(session, session.rebuild(SourceChanges.of(List.of(a))), options, "an edit after warming up");
    assertTrue(served(session, "articles/a/index.html").contains("Warm text."));
  }

  /**
   * Rule pages come with the first snippet of their language and go with the last, and the
   * sitemap lists them, though the edit changes nothing a list shows.
   */
  @org.junit.jupiter.api.Test
  void aLanguageComingIntoUseBringsItsRulePagesAsAColdBuildDoes() throws Exception {
    Files.writeString(dir.resolve("opsbook.yaml"), "title: Rules\nbase_url: https://ops.example.org/\n");
    Path a = dir.resolve("content/articles/a/index.md");
    Files.createDirectories(a.getParent());
    Files.writeString(a, "---\ntitle: a\ndate: 2026-01-10\n---\nText.\n");
    BuildOptions options = smallSiteOptions();
    SiteSession session = firstBuild(options);
    assertTrue(session.files().get("rules/opsbook.symlink/index.html").isPresent(), "the pipeline's own rules always");
    assertTrue(session.files().get("rules/toy.bad/index.html").isEmpty(), "no toy snippet, no toy rule pages");

    Files.writeString(a, "---\ntitle: a\ndate: 2026-01-10\n---\nText.\n\n```toy\nheader\nport 1\n```\n");
    assertSameAsCold(session, session.rebuild(SourceChanges.of(List.of(a))), options, "the first toy snippet");
    assertTrue(session.files().get("rules/toy.bad/index.html").isPresent());
    assertTrue(served(session, "sitemap.xml").contains("rules/toy.bad/"));
    assertTrue(served(session, "rules/index.html").contains("<code>toy</code>"), "the language is listed");

    Files.writeString(a, "---\ntitle: a\ndate: 2026-01-10\n---\nText, and [a rule](/rules/toy.old/).\n");
    assertSameAsCold(session, session.rebuild(SourceChanges.of(List.of(a))), options, "a link to a toy rule instead");
    assertTrue(session.files().get("rules/toy.old/index.html").isPresent(), "a rule a link names has its page");

    Files.writeString(a, "---\ntitle: a\ndate: 2026-01-10\n---\nText.\n");
    assertSameAsCold(session, session.rebuild(SourceChanges.of(List.of(a))), options, "the last toy use gone");
    assertTrue(session.files().get("rules/toy.bad/index.html").isEmpty());
    assertFalse(served(session, "sitemap.xml").contains("rules/toy."));
  }

  /**
   * A link to a page the build makes from other sources (a maintenance page, a tag's page) is
   * judged again when that source comes and goes, though the linking article did not change.
   */
  @org.junit.jupiter.api.Test
  void linksToMaintenanceAndTagPagesFollowTheirSourcesAsAColdBuildDoes() throws Exception {
    Files.writeString(dir.resolve("opsbook.yaml"), "title: Lists\nbase_url: https://ops.example.org/\n");
    Path a = dir.resolve("content/articles/a/index.md");
    Path b = dir.resolve("content/articles/b/index.md");
    Path page = dir.resolve("content/maintenance/upgrade.md");
    Files.createDirectories(a.getParent());
    Files.createDirectories(b.getParent());
    Files.writeString(a, "---\ntitle: a\ndate: 2026-01-10\n---\nSee [the page](../../maintenance/upgrade/) and"
        + " [backups](../../tags/backup/).\n");
    Files.writeString(b, "---\ntitle: b\ndate: 2026-01-11\n---\nText.\n");
    BuildOptions options = smallSiteOptions();
    SiteSession session = firstBuild(options);
    assertEquals(2L, session.rebuild(SourceChanges.of(List.of())).report().count(org.opsbook.diag.Severity.ERROR), "neither page exists yet");

    Files.createDirectories(page.getParent());
    Files.writeString(page, Files.readString(org.opsbook.testing.Project.root().resolve("content/maintenance/upgrade.md")));
    assertSameAsCold(session, session.rebuild(SourceChanges.of(List.of(page))), options, "the maintenance page added");
    Files.writeString(b, "---\ntitle: b\ndate: 2026-01-11\ntags: [Backup]\n---\nText.\n");
    BuildResult tagged = session.rebuild(SourceChanges.of(List.of(b)));
    assertSameAsCold(session, tagged, options, "the tag added to another article");
    assertEquals(0L, tagged.report().count(org.opsbook.diag.Severity.ERROR), "both links lead somewhere now");

    Files.delete(page);
    Files.writeString(b, "---\ntitle: b\ndate: 2026-01-11\n---\nText.\n");
    BuildResult removed = session.rebuild(SourceChanges.of(List.of(page, b)));
    assertSameAsCold(session, removed, options, "the page and the tag gone");
    assertEquals(2L, removed.report().count(org.opsbook.diag.Severity.ERROR));
  }

  @org.junit.jupiter.api.Test
  void aRedrawnImageIsCopiedAgainThoughNoArticleChanged() throws Exception {
    Files.writeString(dir.resolve("opsbook.yaml"), "title: Images\n");
    for (String slug : List.of("a", "b")) {
      Path folder = dir.resolve("content/articles/" + slug);
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("index.md"), "---\ntitle: " + slug + "\ndate: 2026-01-10\n---\n![d](diagram.png)\n");
      Files.writeString(folder.resolve("diagram.png"), "png 1");
    }
    BuildOptions options = smallSiteOptions();
    SiteSession session = firstBuild(options);
    Path image = dir.resolve("content/articles/a/diagram.png");
    Files.writeString(image, "png 2, redrawn");
    assertSameAsCold(session, session.rebuild(SourceChanges.of(List.of(image))), options, "the image redrawn");
    assertEquals("png 2, redrawn", served(session, "articles/a/diagram.png"));
  }

  @org.junit.jupiter.api.Test
  void aNewCommitReachesThePageAtTheNextRebuild() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(GitDatesTest.GitRepo.available(), "git is not installed");
    Files.writeString(dir.resolve("opsbook.yaml"), "title: Git\n");
    Files.writeString(dir.resolve(".gitignore"), "site/\n");
    Path file = dir.resolve("content/articles/a/index.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "---\ntitle: A\ndate: 2026-01-10\ntags: [ssh]\n---\nText.\n");
    Files.createDirectories(dir.resolve("content/articles/b"));
    Files.writeString(dir.resolve("content/articles/b/index.md"), "---\ntitle: B\ndate: 2026-01-11\ntags: [ssh]\n---\nB.\n");
    GitDatesTest.GitRepo repo = GitDatesTest.GitRepo.init(dir).commit("2026-01-12T08:00:00+00:00");
    BuildOptions options = smallSiteOptions();
    SiteSession session = firstBuild(options);
    // Edited and rebuilt as the watcher reports it, then committed: the commit touches no watched
    // file, and the next rebuild, of anything, must still show its date.
    Files.writeString(file, "---\ntitle: A\ndate: 2026-01-10\ntags: [ssh]\n---\nMore text.\n");
    assertSameAsCold(session, session.rebuild(SourceChanges.of(List.of(file))), options, "an edit");
    repo.commit("2026-03-01T08:00:00+00:00");
    Path about = dir.resolve("content/about.md");
    Files.writeString(about, "---\ntitle: About\n---\nAbout.\n");
    assertSameAsCold(session, session.rebuild(SourceChanges.of(List.of(about))), options, "a commit");
    assertTrue(served(session, "articles/a/index.html").contains("datetime=\"2026-03-01\""));
  }

  @org.junit.jupiter.api.Test
  void aLinkThatLeadsOutIsReportedByARebuildAsByAColdBuildAndForgottenWhenRemoved() throws Exception {
    Files.writeString(dir.resolve("opsbook.yaml"), "title: Links\n");
    Path folder = dir.resolve("content/articles/a");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("index.md"), "---\ntitle: A\ndate: 2026-01-10\n---\nText.\n");
    Files.writeString(dir.resolve("secret.txt"), "not for the site\n");
    BuildOptions options = smallSiteOptions();
    SiteSession session = firstBuild(options);
    Path link = folder.resolve("notes.txt");
    Files.createSymbolicLink(link, dir.resolve("secret.txt"));
    BuildResult linked = session.rebuild(SourceChanges.of(List.of(link)));
    assertSameAsCold(session, linked, options, "adding the link");
    assertTrue(linked.report().diagnostics().stream().anyMatch(d -> d.rule().value().equals("opsbook.symlink")
        && d.where().file().endsWith("articles/a/notes.txt")), linked.report().diagnostics().toString());
    assertTrue(session.files().paths().stream().noneMatch(p -> p.endsWith("notes.txt")));
    Files.delete(link);
    BuildResult removed = session.rebuild(SourceChanges.of(List.of(link)));
    assertSameAsCold(session, removed, options, "removing the link");
    assertTrue(removed.report().diagnostics().stream().noneMatch(d -> d.rule().value().equals("opsbook.symlink")));
  }

  /** Makes one random change and returns what it was; adds the paths a watcher would report. */
  private String change(List<Path> changed) throws IOException {
    List<String> present = present();
    int kind = random.nextInt(12);
    if (present.isEmpty() || kind == 0) {
      String slug = absent();
      if (slug == null) {
        return "nothing to add";
      }
      writeArticle(slug);
      changed.add(dir.resolve("content/articles/" + slug)); // a new folder: the watcher sees the folder
      return "add " + slug;
    }
    String slug = present.get(random.nextInt(present.size()));
    Path folder = dir.resolve("content/articles/" + slug);
    switch (kind) {
      case 1 -> {
        deleteTree(folder);
        changed.add(folder);
        return "delete " + slug;
      }
      case 2 -> {
        String to = absent();
        if (to == null) {
          return "nothing to rename";
        }
        Files.move(folder, dir.resolve("content/articles/" + to));
        changed.add(folder);
        changed.add(dir.resolve("content/articles/" + to));
        return "rename " + slug + " to " + to;
      }
      case 3 -> {
        Path theme = dir.resolve("layouts/article.peb");
        if (Files.exists(theme) && random.nextBoolean()) {
          Files.delete(theme);
        } else {
          Files.createDirectories(theme.getParent());
          Files.writeString(theme, "<h1>{{ page.title }}</h1>{{ page.content | raw }} v" + random.nextInt(3)
              + "{% if page.newer != null %} newer {{ page.newer.title }}{% endif %}\n");
        }
        changed.add(theme);
        return "theme";
      }
      case 4 -> {
        Path image = folder.resolve("diagram.png");
        if (Files.exists(image) && random.nextBoolean()) {
          Files.writeString(image, "png, redrawn " + random.nextInt(1000)); // the same file, new bytes
        } else if (Files.exists(image)) {
          Files.delete(image);
        } else {
          Files.writeString(image, "png " + random.nextInt(1000));
        }
        changed.add(image);
        return "image in " + slug;
      }
      case 5 -> {
        // Pagination on and off: list pages appear and disappear, the home page changes its size.
        int pageSize = random.nextInt(4);
        Files.writeString(dir.resolve("opsbook.yaml"), "title: Incremental " + random.nextInt(3)
            + "\nbase_url: https://ops.example.org/\n"
            + (pageSize == 0 ? "" : "home_articles: 4\npagination:\n  page_size: " + pageSize + "\n"));
        changed.add(dir.resolve("opsbook.yaml"));
        return "config";
      }
      case 6 -> {
        Path about = dir.resolve("content/about.md");
        Files.writeString(about, "---\ntitle: About\n---\nAbout [" + slug + "](articles/" + slug + "/) and "
            + word() + ".\n");
        changed.add(about);
        return "page";
      }
      case 7 -> {
        Path file = folder.resolve("index.md");
        Files.writeString(file, Files.readString(file)); // saved without a change
        changed.add(file);
        return "touch " + slug;
      }
      case 8 -> {
        // A symbolic link: out of the content folder it is an error and nothing is read through
        // it; inside, it is followed; to a folder that holds it, it is a loop and not followed.
        Path link = folder.resolve("linked");
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
          Files.delete(link);
        } else {
          Files.writeString(dir.resolve("outside.txt"), "not for the site\n");
          Path target = switch (random.nextInt(3)) {
            case 0 -> dir.resolve("outside.txt");
            case 1 -> dir.resolve("content/robots-note.txt");
            default -> folder;
          };
          Files.createSymbolicLink(link, target);
        }
        changed.add(link);
        return "link in " + slug;
      }
      case 9 -> {
        // The commonest edit of all: the text changes, the front matter does not. Lists stay as
        // they were unless the counts change (a snippet error, a test), which the body may do.
        Path file = folder.resolve("index.md");
        String text = Files.readString(file);
        int end = text.indexOf("\n---\n");
        if (end < 0) {
          return "no front matter in " + slug;
        }
        Files.writeString(file, text.substring(0, end + 5) + randomBody());
        changed.add(file);
        return "body of " + slug;
      }
      case 10 -> {
        // Only the day it was updated: the sitemap shows it, no list does. Written first, it moves
        // the lines of the tags and aliases, which findings point at.
        Path file = folder.resolve("index.md");
        String text = Files.readString(file).replaceAll("(?m)^updated: .*\n", "");
        if (random.nextBoolean() && text.startsWith("---\n")) {
          text = "---\nupdated: 2026-04-2" + random.nextInt(5) + "\n" + text.substring(4);
        }
        Files.writeString(file, text);
        changed.add(file);
        return "updated of " + slug;
      }
      default -> {
        writeArticle(slug);
        changed.add(folder.resolve("index.md"));
        return "edit " + slug;
      }
    }
  }

  private void writeArticle(String slug) throws IOException {
    StringBuilder fm = new StringBuilder("---\ntitle: \"" + word() + " " + word() + "\"\n");
    fm.append("date: 2026-0").append(1 + random.nextInt(3)).append("-1").append(random.nextInt(3)).append('\n');
    if (random.nextInt(3) == 0) {
      fm.append("updated: 2026-0").append(4 + random.nextInt(3)).append("-2").append(random.nextInt(3)).append('\n');
    }
    fm.append("tags: [").append(TAGS.get(random.nextInt(TAGS.size()))).append(", ")
        .append(TAGS.get(random.nextInt(TAGS.size()))).append("]\n");
    fm.append("summary: \"").append(word()).append("\"\n");
    if (random.nextInt(8) == 0) {
      fm.append("draft: true\n");
    }
    if (random.nextInt(6) == 0) {
      fm.append("aliases: [/old/").append(slug).append("/]\n");
    } else if (random.nextInt(8) == 0) {
      // An alias onto another article's page: a collision that later edits make and unmake.
      fm.append("aliases: [/articles/").append(SLUGS.get(random.nextInt(SLUGS.size()))).append("/]\n");
    }
    if (random.nextInt(15) == 0) {
      fm.append("date: [broken\n");
    }
    fm.append("---\n");
    Path file = dir.resolve("content/articles/" + slug + "/index.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, fm + randomBody());
  }

  private String randomBody() {
    StringBuilder body = new StringBuilder();
    body.append("Intro about ").append(word()).append(".\n\n## ").append(word()).append("\n\n");
    for (int i = random.nextInt(3); i > 0; i--) {
      String target = SLUGS.get(random.nextInt(SLUGS.size()));
      body.append(random.nextBoolean() ? "See [" + target + "](../" + target + "/).\n\n"
          : "See [" + target + "](../" + target + "/index.md#setup).\n\n");
    }
    if (random.nextBoolean()) {
      body.append("![the diagram](diagram.png)\n\n");
    }
    if (random.nextBoolean()) {
      body.append("```toy {id=cfg}\nheader\nport ").append(random.nextInt(3)).append('\n');
      if (random.nextInt(4) == 0) {
        body.append("bad 1\n");
      }
      if (random.nextInt(4) == 0) {
        body.append("old 1\n");
      }
      body.append("```\n\n```test for=cfg\nport => ").append(random.nextInt(3)).append("\n```\n");
    }
    return body.toString();
  }

  private String word() {
    return WORDS.get(random.nextInt(WORDS.size()));
  }

  private List<String> present() throws IOException {
    Path articles = dir.resolve("content/articles");
    List<String> out = new ArrayList<>();
    for (String slug : SLUGS) {
      if (Files.exists(articles.resolve(slug))) {
        out.add(slug);
      }
    }
    return out;
  }

  private String absent() throws IOException {
    List<String> present = present();
    List<String> free = SLUGS.stream().filter(s -> !present.contains(s)).toList();
    return free.isEmpty() ? null : free.get(random.nextInt(free.size()));
  }

  /** A file of the site the session serves now, as text. */
  private static String served(SiteSession session, String sitePath) {
    return new String(session.files().get(sitePath).orElseThrow(), StandardCharsets.UTF_8);
  }

  /** The options of the small sites of the focused tests: a fixed clock, nothing else. */
  private BuildOptions smallSiteOptions() {
    return BuildOptions.forProject(dir).withClock(Instant.parse("2026-05-01T00:00:00Z"), Optional.empty());
  }

  /** A session that has made its first build, checked against a cold one. */
  private SiteSession firstBuild(BuildOptions options) throws Exception {
    SiteSession session = build.session(options);
    assertSameAsCold(session, session.rebuild(SourceChanges.EVERYTHING), options, "first build");
    return session;
  }

  /** Compares with a cold build: a new session's first build, which starts from nothing. */
  private void assertSameAsCold(SiteSession session, BuildResult incremental, BuildOptions options, String after)
      throws Exception {
    SiteSession fresh = build.session(options);
    BuildResult reference = fresh.rebuild(SourceChanges.EVERYTHING);
    coldBuilds++;
    assertEquals(reference.report().diagnostics(), incremental.report().diagnostics(), "diagnostics " + after);
    SiteFiles expected = fresh.files();
    SiteFiles actual = session.files();
    assertEquals(expected.paths(), actual.paths(), "the files " + after);
    for (String path : expected.paths()) {
      byte[] want = expected.get(path).orElseThrow();
      byte[] got = actual.get(path).orElseThrow();
      if (!java.util.Arrays.equals(want, got)) {
        assertEquals(new String(want, StandardCharsets.UTF_8), new String(got, StandardCharsets.UTF_8), path + " " + after);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

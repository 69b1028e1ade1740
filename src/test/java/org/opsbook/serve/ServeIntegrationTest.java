package org.opsbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.report.SourceLines;
import org.opsbook.site.Build;
import org.opsbook.site.BuildOptions;

/** Starts the preview on a free loopback port and edits a project under it, as a writer would. */
class ServeIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir Path project;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final StringWriter terminal = new StringWriter();

  private Path article() {
    return project.resolve("content/articles/first/index.md");
  }

  private void writeArticle(String body) throws IOException {
    Files.createDirectories(article().getParent());
    Files.writeString(article(), "---\ntitle: \"First steps\"\ndate: 2026-03-14\ntags: [ops]\n"
        + "summary: \"A page to edit.\"\n---\n\n" + body + "\n");
  }

  private PreviewServer start() throws IOException {
    Files.writeString(project.resolve("opsbook.yaml"), "title: Preview\nbase_url: https://book.example.org/\n");
    return PreviewServer.start(new Build(CheckerRegistry.load(), 2), BuildOptions.forProject(project), 0,
        new PrintWriter(terminal, true), SourceLines.none());
  }

  private HttpResponse<String> get(PreviewServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(server.url().resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Opens the event stream and returns its lines as they come. */
  private BlockingQueue<String> listen(PreviewServer server) throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    HttpRequest request = HttpRequest.newBuilder(server.url().resolve("/__opsbook/events")).build();
    CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    Thread reader = new Thread(() -> {
      try {
        response.get().body().forEach(lines::add);
      } catch (Exception e) {
        lines.add("closed: " + e);
      }
    });
    reader.setDaemon(true);
    reader.start();
    assertEquals("retry: 500", lines.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
    assertEquals(": connected", lines.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
    return lines;
  }

  /**
   * The terminal once it shows the end of {@code builds} builds in all: the preview serves the new
   * page, and sends the reload, before it prints the findings.
   */
  private String awaitRebuilds(int builds) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String now = terminal.toString();
    while (now.split("rebuilt in ", -1).length - 1 < builds && System.nanoTime() < deadline) {
      Thread.sleep(10);
      now = terminal.toString();
    }
    return now;
  }

  /** Waits for the next reload event and returns how long it took. */
  private static long awaitReload(BlockingQueue<String> events, long since) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      String line = events.poll(1, TimeUnit.SECONDS);
      if ("event: reload".equals(line)) {
        return (System.nanoTime() - since) / 1_000_000;
      }
    }
    throw new AssertionError("no reload event within " + WAIT.toSeconds() + " s");
  }

  @Test
  void editBreakFixAndStop() throws Exception {
    writeArticle("Original paragraph.");
    PreviewServer server = start();
    int port = server.port();
    try {
      HttpResponse<String> page = get(server, "/articles/first/");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("Original paragraph."), page.body());
      assertTrue(page.body().contains(PageDecorator.SCRIPT_TAG), "the reload script is injected");
      assertEquals(200, get(server, PageDecorator.SCRIPT_PATH).statusCode());
      BlockingQueue<String> events = listen(server);

      long saved = System.nanoTime();
      writeArticle("Edited paragraph.");
      long reloadMillis = awaitReload(events, saved);
      page = get(server, "/articles/first/");
      assertTrue(page.body().contains("Edited paragraph."), page.body());
      assertFalse(page.body().contains("opsbook-overlay"), "a clean build shows no overlay");
      System.out.println("serve: save to reload event in " + reloadMillis + " ms");

      Files.writeString(article(), "---\ntitle: [unclosed\ndate: 2026-03-14\n---\n\nBroken paragraph.\n");
      awaitReload(events, System.nanoTime());
      page = get(server, "/articles/first/");
      assertEquals(200, page.statusCode(), "an article with broken front matter shows its last good version");
      assertTrue(page.body().contains("Edited paragraph."), page.body());
      assertTrue(page.body().contains("its last version that did"), page.body());
      assertTrue(page.body().contains("id=\"opsbook-overlay\""), "the error shows on the page: " + page.body());
      assertTrue(get(server, PageDecorator.PROBLEMS_PATH).body().contains("[opsbook.front-matter]"));
      assertTrue(page.body().contains("content/articles/first/index.md:"), page.body());
      assertTrue(page.body().contains("[opsbook.front-matter]"), page.body());
      assertTrue(awaitRebuilds(3).contains("content/articles/first/index.md:"), "the terminal shows it too");

      writeArticle("Fixed paragraph.");
      awaitReload(events, System.nanoTime());
      page = get(server, "/articles/first/");
      assertTrue(page.body().contains("Fixed paragraph."), page.body());
      assertFalse(page.body().contains("opsbook-overlay"), "recovered: " + page.body());
      assertTrue(awaitRebuilds(4).matches("(?s).*rebuilt in \\d+ ms.*"), terminal.toString());

      assertTrue(terminal.toString().contains("(1 of 1 articles processed, "), "only the edited article is redone: " + terminal);
      String stored = new String(server.site().orElseThrow().get("articles/first/index.html").orElseThrow(), StandardCharsets.UTF_8);
      assertFalse(stored.contains("__opsbook"), "the reload script is added as pages are served, never stored");
    } finally {
      server.close();
    }
    assertThrows(ConnectException.class, () -> new java.net.Socket("127.0.0.1", port).close());
    assertFalse(Files.exists(project.resolve("site")), "the preview writes no site to disk");
  }

  @Test
  void aSiteThatNeverBuiltShowsTheErrorPageUntilFixed() throws Exception {
    writeArticle("Text.");
    Files.writeString(project.resolve("opsbook.yaml"), "title: [unclosed\n");
    PreviewServer server = PreviewServer.start(new Build(CheckerRegistry.load(), 2), BuildOptions.forProject(project), 0,
        new PrintWriter(terminal, true), SourceLines.none());
    try {
      HttpResponse<String> page = get(server, "/articles/first/");
      assertEquals(500, page.statusCode());
      assertTrue(page.body().contains("The site did not build"), page.body());
      assertTrue(page.body().contains("opsbook.yaml:"), page.body());
      assertTrue(page.body().contains(PageDecorator.SCRIPT_TAG), "the error page reloads by itself too");
      BlockingQueue<String> events = listen(server);
      Files.writeString(project.resolve("opsbook.yaml"), "title: Fixed\nbase_url: https://book.example.org/\n");
      awaitReload(events, System.nanoTime());
      page = get(server, "/articles/first/");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("Text."));
    } finally {
      server.close();
    }
  }

  @Test
  void aTemplateErrorNeverStopsTheServer() throws Exception {
    writeArticle("Before the template broke.");
    PreviewServer server = start();
    try {
      BlockingQueue<String> events = listen(server);
      Path override = project.resolve("layouts/article.peb");
      Files.createDirectories(override.getParent());
      Files.writeString(override, "{% if %}broken{% endif");
      awaitReload(events, System.nanoTime());
      HttpResponse<String> page = get(server, "/articles/first/");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("id=\"opsbook-overlay\""), page.body());
      assertTrue(page.body().contains("Before the template broke."));
      Files.delete(override);
      awaitReload(events, System.nanoTime());
      page = get(server, "/articles/first/");
      assertFalse(page.body().contains("opsbook-overlay"), page.body());
    } finally {
      server.close();
    }
  }

  @Test
  void theTerminalShowsTheChangedFilesFindingsAndTheWholeSitesSummary() throws Exception {
    writeArticle("Text.");
    Path other = project.resolve("content/articles/other/index.md");
    Files.createDirectories(other.getParent());
    Files.writeString(other, "---\ntitle: \"Other\"\ndate: 2026-03-15\nsummary: \"x\"\n---\n\n"
        + "```sshd_config {file=/etc/ssh/sshd_config}\nPermitRootLogin yes\n```\n");
    PreviewServer server = start();
    try {
      String first = terminal.toString();
      assertTrue(first.contains("content/articles/other/index.md:"), "the first build prints every finding: " + first);
      String summary = first.lines().filter(l -> l.contains(" in ") && l.contains("checked snippet")).findFirst().orElseThrow();
      assertTrue(summary.matches("0 errors, [1-9]\\d* warnings?.*"), "the test needs a warning in the other article: " + summary);
      BlockingQueue<String> events = listen(server);
      terminal.getBuffer().setLength(0);
      writeArticle("Edited.");
      awaitReload(events, System.nanoTime());
      String second = awaitRebuilds(1);
      assertFalse(second.contains("content/articles/other/index.md:"), "warnings of unchanged files stay quiet: " + second);
      assertTrue(second.contains(summary), "the summary still counts the whole site: " + second);
    } finally {
      server.close();
    }
  }

  @Test
  void editingTheConfigurationRebuildsTheSite() throws Exception {
    writeArticle("Text.");
    PreviewServer server = start();
    try {
      assertTrue(get(server, "/").body().contains("Preview"));
      BlockingQueue<String> events = listen(server);
      Files.writeString(project.resolve("opsbook.yaml"), "title: Renamed runbooks\nbase_url: https://book.example.org/\n");
      awaitReload(events, System.nanoTime());
      assertTrue(get(server, "/").body().contains("Renamed runbooks"));
      assertTrue(terminal.toString().contains("changed: opsbook.yaml"), terminal.toString());
    } finally {
      server.close();
    }
  }

  @Test
  void draftsArePreviewed() throws Exception {
    Files.createDirectories(article().getParent());
    Files.writeString(article(), "---\ntitle: \"Work in progress\"\ndate: 2026-03-14\ndraft: true\n"
        + "summary: \"Not yet.\"\n---\n\nDraft text.\n");
    PreviewServer server = start();
    try {
      HttpResponse<String> page = get(server, "/articles/first/");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("Draft text."));
    } finally {
      server.close();
    }
  }

  @Test
  void missingPagesGetTheSite404WithTheReloadScript() throws Exception {
    writeArticle("Text.");
    PreviewServer server = start();
    try {
      HttpResponse<String> page = get(server, "/no/such/page/");
      assertEquals(404, page.statusCode());
      assertTrue(page.body().contains(PageDecorator.SCRIPT_TAG));
      assertEquals(301, get(server, "/articles/first").statusCode());
      assertEquals(404, get(server, "/../../etc/passwd").statusCode());
    } finally {
      server.close();
    }
  }
}

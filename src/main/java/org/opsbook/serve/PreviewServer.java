package org.opsbook.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opsbook.report.SourceLines;
import org.opsbook.site.Build;
import org.opsbook.site.BuildOptions;
import org.opsbook.site.SiteFiles;
import org.opsbook.site.SourceChanges;

/**
 * {@code opsbook serve}: builds the site with drafts into memory, serves it on 127.0.0.1, watches
 * the sources, rebuilds what each change affects and tells open tabs to reload.
 *
 * <p>The site is built with the server's own address as base URL, so every link stays on the
 * preview. Nothing is written to disk: neither the site nor what the preview adds to its pages (the
 * reload script, the overlay).
 */
public final class PreviewServer implements AutoCloseable {
  /** The default port; {@code --port} changes it. */
  public static final int DEFAULT_PORT = 1414;
  /**
   * How long the watcher waits for a save's events to settle before rebuilding: an editor's
   * write, or its temporary file and rename, comes within a millisecond or two; this is all the
   * delay a save adds before its page can be served.
   */
  private static final long QUIET_MILLIS = 15;
  /** Rebuilds of nothing after the first build: about what C2 needs to compile a rebuild's walks. */
  private static final int WARM_UP_ROUNDS = 25;
  private static final java.time.Duration WARM_UP_BUDGET = java.time.Duration.ofSeconds(4);
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
      Map.entry("xml", "application/xml"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"), Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"));

  private final HttpServer http;
  private final ExecutorService requests;
  private final ScheduledExecutorService heartbeat;
  private final Thread watchLoop;
  private final SiteWatcher watcher;
  private final LiveReload live = new LiveReload();
  private final byte[] liveScript;
  private volatile BuildState state = BuildState.initial();

  private PreviewServer(HttpServer http, SiteWatcher watcher, Rebuilder rebuilder, Path root, List<Path> trees)
      throws IOException {
    this.http = http;
    this.watcher = watcher;
    try (InputStream in = PreviewServer.class.getResourceAsStream("live.js")) {
      this.liveScript = in.readAllBytes();
    }
    this.requests = Executors.newCachedThreadPool(daemon("opsbook-serve-http"));
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("opsbook-serve-heartbeat"));
    http.setExecutor(requests);
    http.createContext("/", this::handle);
    this.watchLoop = new Thread(() -> watch(rebuilder, trees), "opsbook-serve-watch");
    this.watchLoop.setDaemon(true);
  }

  /**
   * Binds 127.0.0.1:{@code port} (0 picks a free one), runs the first build, then serves and
   * watches until {@link #close()}.
   *
   * @param options the project's build options; drafts are turned on, and the site is built into
   *     memory, never into the output folder
   * @throws IOException when the port is taken or the project cannot be watched
   */
  public static PreviewServer start(Build build, BuildOptions options, int port, PrintWriter terminal, SourceLines source)
      throws IOException {
    return start(build, options, port, terminal, () -> source);
  }

  /**
   * As {@link #start(Build, BuildOptions, int, PrintWriter, SourceLines)}, reading source lines
   * for the terminal's report afresh for every rebuild, so an edited file's lines are never stale.
   */
  public static PreviewServer start(Build build, BuildOptions options, int port, PrintWriter terminal,
      java.util.function.Supplier<SourceLines> source) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    int bound = http.getAddress().getPort();
    BuildOptions preview = options.withDrafts(true).withWrite(true)
        .withBaseUrl(URI.create("http://127.0.0.1:" + bound + "/"));
    Path root = options.projectRoot();
    List<Path> trees = List.of(options.contentDir(), root.resolve("themes"), root.resolve("layouts"));
    SiteWatcher watcher = new SiteWatcher(root, trees, options.configFile());
    Rebuilder rebuilder = new Rebuilder(build.session(preview), terminal, source);
    PreviewServer server = new PreviewServer(http, watcher, rebuilder, root, trees);
    server.state = rebuilder.rebuild(server.state, SourceChanges.EVERYTHING);
    // The first edits would otherwise run in the interpreter: on a large site that costs more than
    // the edit itself (see SiteSession.warmUp).
    rebuilder.warmUp(WARM_UP_ROUNDS, WARM_UP_BUDGET);
    http.start();
    server.watchLoop.start();
    server.heartbeat.scheduleAtFixedRate(server.live::heartbeat, 10, 10, TimeUnit.SECONDS);
    terminal.print("serving on " + server.url() + " (drafts included); Ctrl-C stops\n");
    terminal.flush();
    return server;
  }

  public int port() {
    return http.getAddress().getPort();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  public BuildState state() {
    return state;
  }

  private void watch(Rebuilder rebuilder, List<Path> trees) {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        rebuildAfterSave(rebuilder, trees);
      } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
        return;
      } catch (RuntimeException e) {
        // Whatever one save produced, the next one must still rebuild.
      }
    }
  }

  /**
   * Waits for a save and rebuilds. A save may still be under way when its first event comes (an
   * editor writing in pieces, or through a temporary file and a rename), so what is built must
   * not be served until the sources have been quiet for {@link #QUIET_MILLIS}. For an edit of
   * content, that quiet time runs while the rebuild does: the rebuild starts at once, and its
   * result is served only if no change came until the quiet time was over; otherwise it is built
   * again with the later changes. A change to the configuration or the theme, or lost events,
   * waits for the quiet time first, as what it makes be done again takes seconds on a large site.
   */
  private void rebuildAfterSave(Rebuilder rebuilder, List<Path> trees) throws InterruptedException {
    java.util.Set<Path> changed = new java.util.TreeSet<>(watcher.awaitFirstChanges());
    Path content = trees.get(0); // the content folder, then the theme's (see start)
    while (true) {
      long quietAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS);
      if (!changed.stream().allMatch(p -> p.startsWith(content) && !p.equals(content))) {
        changed.addAll(watcher.settle(QUIET_MILLIS));
        // A watched folder itself "changed" when the watcher lost events or the folder was
        // replaced: nothing is known about what is in it, so every source is read again.
        boolean lost = changed.stream().anyMatch(trees::contains);
        rebuilder.rebuild(state, lost ? SourceChanges.EVERYTHING : SourceChanges.of(List.copyOf(changed)), this::publish);
        return;
      }
      List<Path> later = new ArrayList<>();
      Optional<BuildState> built = rebuilder.rebuildIfSettled(state, SourceChanges.of(List.copyOf(changed)), () -> {
        try {
          later.addAll(watcher.changesWithin(quietAt));
        } catch (InterruptedException e) {
          // The server is closing: serve what was built, and let the watch loop see the flag.
          Thread.currentThread().interrupt();
        }
        return later.isEmpty();
      }, this::publish);
      if (built.isPresent() || Thread.currentThread().isInterrupted()) {
        return;
      }
      changed.addAll(later);
    }
  }

  /** The new page is served from the moment it is published, so a tab that reloads gets it. */
  private void publish(BuildState built) {
    state = built;
    live.send("reload", Long.toString(built.generation()));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
        send(exchange, 405, "text/plain; charset=utf-8", "GET only\n".getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/__opsbook/events")) {
        live.subscribe(exchange);
        return; // stays open; LiveReload writes to it
      } else if (path.equals(PageDecorator.SCRIPT_PATH)) {
        send(exchange, 200, TYPES.get("js"), liveScript);
      } else if (path.equals(PageDecorator.PROBLEMS_PATH)) {
        send(exchange, 200, TYPES.get("html"), PageDecorator.problemsPage(state).getBytes(StandardCharsets.UTF_8));
      } else {
        serveSite(exchange, path);
      }
      exchange.close();
    } catch (IOException e) {
      exchange.close(); // the browser went away mid-response
    }
  }

  private void serveSite(HttpExchange exchange, String path) throws IOException {
    BuildState current = state;
    if (current.site().isEmpty()) {
      send(exchange, 500, TYPES.get("html"), PageDecorator.errorPage(current).getBytes(StandardCharsets.UTF_8));
      return;
    }
    SiteFiles site = current.site().get();
    String sitePath = path.substring(1);
    if (sitePath.contains("..") || sitePath.contains("\\")) {
      send(exchange, 404, TYPES.get("html"), notFound(site, current, ""));
      return;
    }
    if (sitePath.isEmpty() || sitePath.endsWith("/")) {
      sitePath = sitePath + "index.html";
    } else if (site.get(sitePath).isEmpty() && site.get(sitePath + "/index.html").isPresent()) {
      exchange.getResponseHeaders().set("Location", path + "/");
      send(exchange, 301, TYPES.get("html"), new byte[0]);
      return;
    }
    String page = sitePath.endsWith("index.html") ? sitePath.substring(0, sitePath.length() - "index.html".length()) : sitePath;
    Optional<byte[]> file = site.get(sitePath).or(() -> Optional.ofNullable(current.lastGood().get(page)));
    if (file.isEmpty()) {
      send(exchange, 404, TYPES.get("html"), notFound(site, current, page));
      return;
    }
    String type = type(sitePath);
    byte[] body = file.get();
    if (type.startsWith("text/html")) {
      body = PageDecorator.decorate(new String(body, StandardCharsets.UTF_8), current, page).getBytes(StandardCharsets.UTF_8);
    }
    send(exchange, 200, type, body);
  }

  private static byte[] notFound(SiteFiles site, BuildState state, String page) {
    String html = site.get("404.html").map(b -> new String(b, StandardCharsets.UTF_8))
        .orElse("<!doctype html><title>Not found</title><h1>Not found</h1>");
    return PageDecorator.decorate(html, state, page).getBytes(StandardCharsets.UTF_8);
  }

  private static String type(String sitePath) {
    String name = sitePath.substring(sitePath.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    // A preview is never cached: every reload must show the latest build.
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Stops serving and watching, closes open reload streams and deletes the preview's files. */
  @Override
  public void close() {
    watchLoop.interrupt();
    try {
      watcher.close();
    } catch (IOException e) {
      // Already closed.
    }
    live.closeAll();
    http.stop(0);
    heartbeat.shutdownNow();
    requests.shutdownNow();
    try {
      watchLoop.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How many tabs are listening, for tests. */
  int listeners() {
    return live.clientCount();
  }

  Optional<SiteFiles> site() {
    return state.site();
  }
}

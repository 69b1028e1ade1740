package org.opsbook.maintenance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the DevTools protocol with the JDK's own WebSocket client. The
 * browser gets no network: host names resolve to nothing and every proxied request goes to a
 * closed port, so any request the page makes shows up as a failure.
 */
public final class DevTools implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();

  private DevTools(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** Starts the browser on a blank page and attaches to that page; no request can leave the machine or reach loopback. */
  public static DevTools start(Path chromium, Path profile, Path log) throws Exception {
    return start(chromium, profile, log, false);
  }

  /**
   * Starts the browser on a blank page and attaches to that page.
   *
   * @param loopback whether pages may load from 127.0.0.1 (a test's own web server); other hosts never resolve
   */
  public static DevTools start(Path chromium, Path profile, Path log, boolean loopback) throws Exception {
    List<String> command = List.of(chromium.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--no-default-browser-check", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
        loopback ? "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1" : "--host-resolver-rules=MAP * ~NOTFOUND",
        "--proxy-server=http://127.0.0.1:9", loopback ? "--proxy-bypass-list=" : "--proxy-bypass-list=<-loopback>",
        "--window-size=1000,760", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0", "about:blank");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.currentTimeMillis() + 60_000;
    while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
      if (!process.isAlive() || System.currentTimeMillis() > deadline) {
        process.destroyForcibly();
        throw new IOException("chromium did not open its DevTools port:\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
    HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(5)).build();
    String page = null;
    while (page == null && System.currentTimeMillis() < deadline) {
      HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
          HttpResponse.BodyHandlers.ofString());
      for (JsonNode target : JSON.readTree(list.body())) {
        if (target.path("type").asText().equals("page")) {
          page = target.path("webSocketDebuggerUrl").asText();
        }
      }
      if (page == null) {
        Thread.sleep(100);
      }
    }
    if (page == null) {
      process.destroyForcibly();
      throw new IOException("chromium has no page target");
    }
    DevTools[] holder = new DevTools[1];
    Listener listener = new Listener(holder);
    WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page), listener).get(10, TimeUnit.SECONDS);
    holder[0] = new DevTools(process, profile, socket);
    return holder[0];
  }

  /** Sends one command and waits for its result. */
  public JsonNode call(String method, ObjectNode params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params == null ? JSON.createObjectNode() : params);
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    JsonNode answer = reply.get(30, TimeUnit.SECONDS);
    if (answer.has("error")) {
      throw new IllegalStateException(method + ": " + answer.get("error"));
    }
    return answer.path("result");
  }

  public static ObjectNode params() {
    return JSON.createObjectNode();
  }

  /** Evaluates a JavaScript expression in the page and returns its value. */
  public JsonNode evaluate(String expression) throws Exception {
    JsonNode result = call("Runtime.evaluate", params().put("expression", expression).put("returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException(expression + ": " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Waits until an event of this method has arrived (counting from the start). */
  public void awaitEvent(String method, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (events().stream().noneMatch(e -> e.path("method").asText().equals(method))) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("no " + method + " within " + timeoutMillis + " ms; events: " + events.size());
      }
      Thread.sleep(50);
    }
  }

  public List<JsonNode> events() {
    return new ArrayList<>(events);
  }

  public void clearEvents() {
    events.clear();
  }

  @Override
  public void close() throws InterruptedException {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // The browser is stopped below either way.
    }
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    Tools.deleteTree(profile);
  }

  private static final class Listener implements WebSocket.Listener {
    private final DevTools[] owner;
    private final StringBuilder partial = new StringBuilder();

    Listener(DevTools[] owner) {
      this.owner = owner;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          JsonNode message = JSON.readTree(text);
          DevTools tools = owner[0];
          while (tools == null) {
            Thread.onSpinWait();
            tools = owner[0];
          }
          if (message.has("id")) {
            CompletableFuture<JsonNode> reply = tools.pending.remove(message.get("id").asInt());
            if (reply != null) {
              reply.complete(message);
            }
          } else {
            tools.events.add(message);
          }
        } catch (IOException e) {
          throw new IllegalStateException("unreadable DevTools message: " + text, e);
        }
      }
      webSocket.request(1);
      return null;
    }
  }

}

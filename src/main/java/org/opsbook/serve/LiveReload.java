package org.opsbook.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Server-Sent Events stream that open preview tabs listen to. Each rebuild sends one {@code
 * reload} event; a comment line every few seconds finds connections the browser has closed.
 */
final class LiveReload {
  private final List<OutputStream> clients = new CopyOnWriteArrayList<>();

  /** Answers {@code GET /__opsbook/events}: keeps the response open and registers it. */
  void subscribe(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    OutputStream body = exchange.getResponseBody();
    // Tell EventSource to reconnect quickly after the server restarts.
    body.write("retry: 500\n: connected\n\n".getBytes(StandardCharsets.UTF_8));
    body.flush();
    clients.add(body);
  }

  /** Sends one event to every open tab; drops tabs that are gone. */
  void send(String event, String data) {
    broadcast("event: " + event + "\ndata: " + data + "\n\n");
  }

  void heartbeat() {
    broadcast(": ping\n\n");
  }

  int clientCount() {
    return clients.size();
  }

  void closeAll() {
    for (OutputStream c : clients) {
      try {
        c.close();
      } catch (IOException e) {
        // Closing a connection the browser already dropped.
      }
    }
    clients.clear();
  }

  private void broadcast(String message) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    List<OutputStream> gone = new ArrayList<>();
    for (OutputStream c : clients) {
      try {
        synchronized (c) {
          c.write(bytes);
          c.flush();
        }
      } catch (IOException e) {
        gone.add(c);
      }
    }
    clients.removeAll(gone);
  }
}

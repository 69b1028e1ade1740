package org.opsbook.checker.apache;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A small HTTP/1.1 client for the request oracle: one request per connection, from a chosen
 * loopback source address (127.0.0.x stands for any client), every response header kept.
 */
final class LiveHttp {
  private LiveHttp() {}

  record Reply(int status, List<String[]> headers, String body) {
    List<String> values(String name) {
      return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
    }
  }

  static Reply send(String from, int port, String method, String target, Map<String, String> headers) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
      socket.setSoTimeout(10_000);
      StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\n");
      headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
      request.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      byte[] raw = socket.getInputStream().readAllBytes();
      return parse(raw, method.equals("HEAD"));
    }
  }

  private static Reply parse(byte[] raw, boolean head) throws IOException {
    String all = new String(raw, StandardCharsets.ISO_8859_1);
    int end = all.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("incomplete response: " + all);
    }
    String[] lines = all.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    List<String[]> headers = new ArrayList<>();
    for (String l : Arrays.asList(lines).subList(1, lines.length)) {
      int colon = l.indexOf(':');
      headers.add(new String[] {l.substring(0, colon).strip(), l.substring(colon + 1).strip()});
    }
    String body = head ? "" : all.substring(end + 4);
    boolean chunked = headers.stream().anyMatch(h -> h[0].equalsIgnoreCase("Transfer-Encoding") && h[1].equalsIgnoreCase("chunked"));
    if (chunked) {
      StringBuilder b = new StringBuilder();
      int at = 0;
      while (at < body.length()) {
        int nl = body.indexOf("\r\n", at);
        int size = Integer.parseInt(body.substring(at, nl).split(";")[0].strip(), 16);
        if (size == 0) {
          break;
        }
        b.append(body, nl + 2, nl + 2 + size);
        at = nl + 2 + size + 2;
      }
      body = b.toString();
    }
    return new Reply(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
  }
}

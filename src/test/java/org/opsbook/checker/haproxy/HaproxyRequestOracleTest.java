package org.opsbook.checker.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.checker.haproxy.request.QuestionReader;
import org.opsbook.checker.haproxy.request.Request;
import org.opsbook.testing.Project;

/**
 * opsbook's request model against a real HAProxy serving the same configuration: for every
 * question in oracle/requests, the model's answer (status, Location, reply headers and body, the
 * backend chosen and the headers it receives) must be what HAProxy does. HAProxy runs on
 * 127.0.0.1 on a random port from 20000 to 60000; each backend's server is a stub that names its
 * backend and echoes the request headers; the client address comes from 127.0.0.0/8; map
 * entries are set through the runtime API's {@code set map} before each request. Files the
 * configurations name live in a scratch folder ({@code ob-haproxy-req-*}) that the test deletes.
 * Questions the model declines to evaluate are counted, never compared.
 */
@Tag("oracle")
class HaproxyRequestOracleTest {
  private static final Path DIR = Project.testResource("org/opsbook/checker/haproxy/oracle/requests");
  private static final HaproxyChecker CHECKER = new HaproxyChecker();
  private static final Pattern SERVER = Pattern.compile("^(\\s+server\\s+\\S+\\s+)\\S+(.*)$");

  @Test
  void theModelAnswersAsHaproxyServes() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(RealHaproxy.HAPROXY), "needs haproxy (.ci/install-tools)");
    List<Path> configs;
    try (Stream<Path> s = Files.list(DIR)) {
      configs = s.filter(p -> p.toString().endsWith(".cfg")).sorted().toList();
    }
    Path tmp = Files.createTempDirectory("ob-haproxy-req-");
    int asked = 0;
    int compared = 0;
    int declined = 0;
    List<String> disagreements = new ArrayList<>();
    StringBuilder report = new StringBuilder();
    try {
      for (Path cfg : configs) {
        String name = cfg.getFileName().toString().replace(".cfg", "");
        Path work = Files.createDirectories(tmp.resolve(name));
        List<String> caseLines = Files.readAllLines(DIR.resolve(name + ".cases"), StandardCharsets.UTF_8);
        Map<String, String> files = new TreeMap<>();
        Map<String, Map<String, String>> maps = new TreeMap<>();
        List<String> questions = new ArrayList<>();
        for (String line : caseLines) {
          if (line.startsWith("# map: ")) {
            String[] w = line.substring(7).strip().split("\\s+");
            maps.computeIfAbsent(local(w[0], work), k -> new LinkedHashMap<>()).put(w[1], w[2]);
          } else if (line.startsWith("# file: ")) {
            String[] w = line.substring(8).strip().split("\\s+", 2);
            files.put(local(w[0], work), w.length > 1 ? w[1] + "\n" : "<!doctype html><title>Down</title><p>Back soon.</p>\n");
          } else if (line.isBlank() || line.startsWith("#")) {
            continue;
          } else if (Character.isWhitespace(line.charAt(0)) && !questions.isEmpty()) {
            questions.set(questions.size() - 1, questions.get(questions.size() - 1) + "\n" + line);
          } else {
            questions.add(line);
          }
        }
        maps.forEach((path, entries) -> {
          StringBuilder text = new StringBuilder();
          entries.forEach((k, v) -> text.append(k).append(' ').append(v).append('\n'));
          files.put(path, text.toString());
        });
        for (Map.Entry<String, String> f : files.entrySet()) {
          Files.createDirectories(Path.of(f.getKey()).getParent());
          Files.writeString(Path.of(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        List<Snippet> fileSnippets = new ArrayList<>();
        files.forEach((p, text) -> fileSnippets.add(Snippet.of("text", text, p, Map.of("file", p))));
        CheckContext context = CheckContext.empty().withFiles(IncludedFiles.ofSnippets(fileSnippets));

        Path socket = work.resolve("admin.sock");
        Map<String, Stub> stubs = new LinkedHashMap<>();
        try {
          String config = rewrite(Files.readString(cfg, StandardCharsets.UTF_8), work, stubs, socket);
          for (int attempt = 0; ; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 60000);
            if (!free(port)) {
              continue;
            }
            String served = config.replace("    bind :80\n", "    bind 127.0.0.1:" + port + "\n");
            Files.writeString(work.resolve("haproxy.cfg"), served, StandardCharsets.UTF_8);
            Process haproxy = new ProcessBuilder(RealHaproxy.HAPROXY.toString(), "-db", "-f",
                work.resolve("haproxy.cfg").toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("haproxy.log").toFile()).start();
            try {
              if (!listening(port, haproxy)) {
                assertTrue(attempt < 3, "haproxy did not start: " + Files.readString(work.resolve("haproxy.log")));
                continue;
              }
              Snippet snippet = Snippet.ofFile("haproxy", served, name + ".cfg");
              for (String question : questions) {
                String q = local(question, work);
                if (!q.contains("http://") && !q.toLowerCase(Locale.ROOT).contains("host:")) {
                  q = q + "\n  Host: www.example.org";
                }
                asked++;
                QuestionReader.Read read = QuestionReader.read(q, null);
                assertTrue(read.ok(), q + ": " + read.error());
                Request r = read.request();
                for (Map.Entry<String, Map<String, String>> m : maps.entrySet()) {
                  for (Map.Entry<String, String> e : m.getValue().entrySet()) {
                    String value = r.maps().getOrDefault(m.getKey(), Map.of()).getOrDefault(e.getKey(), e.getValue());
                    runtime(socket, "set map " + m.getKey() + " " + e.getKey() + " " + value);
                  }
                }
                Live live = send(r, port);
                QueryResult answer = CHECKER.query(snippet, q, context);
                String shown = question.strip().replaceAll("\\s*\\n\\s*", " | ");
                report.append(name).append(": ").append(shown).append("\n  haproxy: ").append(live).append('\n');
                if (!answer.found()) {
                  declined++;
                  report.append("  model: declines: ").append(answer.diagnostics()).append('\n');
                  continue;
                }
                String out = answer.output();
                String result = out.substring(out.lastIndexOf("=> ") + 3).strip();
                report.append("  model: ").append(result).append('\n');
                compared++;
                String why = differs(result, live, files);
                if (why != null) {
                  disagreements.add(name + ": " + shown + ": " + why + "\n  model: " + result + "\n  haproxy: " + live);
                }
              }
              break;
            } finally {
              stop(haproxy);
            }
          }
        } finally {
          stubs.values().forEach(Stub::close);
        }
      }
    } finally {
      RealHaproxy.delete(tmp);
    }
    String figures = asked + " requests: " + compared + " compared, " + (compared - disagreements.size()) + " agree, "
        + declined + " the model declines";
    Files.createDirectories(Project.root().resolve("target"));
    Files.writeString(Project.root().resolve("target/haproxy-request-oracle.txt"), figures + "\n\n" + report);
    System.out.println("haproxy request oracle: " + figures);
    assertEquals(List.of(), disagreements, figures);
    assertTrue(compared >= asked * 9 / 10, figures);
  }

  /** The scratch folder stands for / in the paths the cases name. */
  private static String local(String text, Path work) {
    return text.replace("/etc/haproxy/", work + "/etc/haproxy/").replace("/var/www/", work + "/var/www/");
  }

  /** Paths into the scratch folder, a runtime socket, and each backend's servers pointed at its stub. */
  private static String rewrite(String config, Path work, Map<String, Stub> stubs, Path socket) throws IOException {
    StringBuilder out = new StringBuilder("global\n    stats socket " + socket + " level admin\n\n");
    String backend = null;
    for (String line : local(config, work).split("\n", -1)) {
      if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
        String[] w = line.strip().split("\\s+");
        backend = w[0].equals("backend") ? w[1] : null;
      }
      Matcher m = SERVER.matcher(line);
      if (backend != null && m.matches()) {
        String b = backend;
        Stub stub = stubs.computeIfAbsent(b, Stub::new);
        line = m.group(1) + "127.0.0.1:" + stub.port() + m.group(2);
      }
      out.append(line).append('\n');
    }
    return out.toString().replaceAll("\n+$", "\n");
  }

  private static boolean free(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean listening(int port, Process p) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline && p.isAlive()) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 200);
        return true;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    return false;
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(5, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }

  private static void runtime(Path socket, String command) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer reply = ByteBuffer.allocate(4096);
      channel.read(reply);
      String text = new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII).strip();
      assertTrue(text.isEmpty(), command + ": the runtime API said " + text);
    }
  }

  /** What HAProxy answered: status (-1 when it closed the connection), headers, body. */
  private record Live(int status, Map<String, List<String>> headers, String body) {
    @Override
    public String toString() {
      return status + " " + headers + " body=" + body.replace("\n", "\\n");
    }

    String header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null ? null : String.join(", ", v);
    }
  }

  private static Live send(Request r, int port) throws IOException {
    StringBuilder req = new StringBuilder(r.method() + " " + r.url() + " HTTP/1.1\r\n");
    for (Map.Entry<String, String> h : r.headers()) {
      req.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    req.append("Connection: close\r\n\r\n");
    byte[] raw;
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(r.client()), 0));
      socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      raw = readAll(socket.getInputStream());
    } catch (java.net.SocketException reset) {
      return new Live(-1, Map.of(), "");
    }
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return new Live(-1, Map.of(), text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    Map<String, List<String>> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).strip());
    }
    return new Live(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        out.write(buf, 0, n);
      }
    } catch (java.net.SocketException reset) {
      // a rejected connection is reset: what arrived before is the answer
    }
    return out.toByteArray();
  }

  private static final Pattern HEADER = Pattern.compile("(request-header|header) (\\S+) \"(.*)\"");

  /** Why the model's answer is not what HAProxy did, or null when they agree. */
  private static String differs(String answer, Live live, Map<String, String> files) {
    List<String> clauses = new ArrayList<>();
    for (String c : answer.split(", (?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
      clauses.add(c.strip());
    }
    String head = clauses.get(0);
    String[] w = head.split(" ");
    switch (w[0]) {
      case "backend" -> {
        if (live.status() != 200 || !live.body().startsWith("backend " + w[1] + "\n")) {
          return "the request does not reach backend " + w[1];
        }
      }
      case "return", "deny", "tarpit" -> {
        if (live.status() != Integer.parseInt(w[1])) {
          return "the status is not " + w[1];
        }
      }
      case "redirect" -> {
        if (live.status() != Integer.parseInt(w[1]) || !w[2].equals(live.header("location"))) {
          return "not a " + w[1] + " redirect to " + w[2];
        }
      }
      case "reject", "silent-drop" -> {
        if (live.status() != -1) {
          return "the connection is not closed";
        }
      }
      default -> {
        if (live.status() != Integer.parseInt(w[0])) {
          return "the status is not " + w[0];
        }
      }
    }
    for (String c : clauses.subList(1, clauses.size())) {
      Matcher h = HEADER.matcher(c);
      if (h.matches() && h.group(1).equals("header")) {
        String value = h.group(3).replace("\\\"", "\"").replace("\\\\", "\\");
        if (!value.equals(live.header(h.group(2)))) {
          return "header " + h.group(2) + " is not \"" + value + "\"";
        }
      } else if (h.matches()) {
        String line = h.group(2).toLowerCase(Locale.ROOT) + ": " + h.group(3);
        if (!live.body().lines().toList().contains(line)) {
          return "the backend does not receive " + line;
        }
      } else if (c.startsWith("file ")) {
        if (!live.body().equals(files.get(c.substring(5)))) {
          return "the body is not the file " + c.substring(5);
        }
      } else if (c.startsWith("string ")) {
        if (!live.body().equals(c.substring(8, c.length() - 1))) {
          return "the body is not " + c.substring(7);
        }
      }
    }
    return null;
  }

  /** A backend's server: answers 200 with its backend's name and the request headers it received. */
  private static final class Stub implements AutoCloseable {
    private final HttpServer server;

    Stub(String backend) {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      server.createContext("/", exchange -> {
        StringBuilder body = new StringBuilder("backend " + backend + "\n");
        exchange.getRequestHeaders().forEach((k, vs) -> vs.forEach(v ->
            body.append(k.toLowerCase(Locale.ROOT)).append(": ").append(v).append('\n')));
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      });
      server.start();
    }

    int port() {
      return server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}

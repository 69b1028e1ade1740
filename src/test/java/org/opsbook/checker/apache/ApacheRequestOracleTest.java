package org.opsbook.checker.apache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.checker.apache.catalogue.ModuleSet;
import org.opsbook.testing.Project;

/**
 * The request model against a real apache2 on 127.0.0.1: every case of {@code
 * requests/cases.requests} is answered by opsbook and sent to one httpd serving all the cases'
 * virtual hosts (an upstream stub echoes what mod_proxy sends it). Status, Location, the file
 * served, the proxied URL and every header opsbook says is set must agree.
 */
@Tag("oracle")
class ApacheRequestOracleTest {
  private static final ApacheChecker CHECKER = new ApacheChecker();

  record Case(String name, String config, List<String> files, List<String> requests) {}

  static List<Case> cases() throws IOException {
    String text = Files.readString(Project.testResource("org/opsbook/checker/apache/requests/cases.requests"), StandardCharsets.UTF_8);
    List<Case> out = new ArrayList<>();
    for (String block : text.split("\n=== ")) {
      if (block.startsWith("#")) {
        continue;
      }
      String name = block.substring(0, block.indexOf('\n')).strip();
      String body = block.substring(block.indexOf('\n') + 1);
      int sep = body.indexOf("\n---\n");
      String config = body.substring(0, sep + 1);
      List<String> files = new ArrayList<>();
      List<String> requests = new ArrayList<>();
      for (String line : body.substring(sep + 5).split("\n")) {
        if (line.startsWith("files:")) {
          files.addAll(List.of(line.substring(6).strip().split("\\s+")));
        } else if (!line.isBlank() && !line.startsWith("#")) {
          requests.add(line.strip());
        }
      }
      out.add(new Case(name, config, files, requests));
    }
    return out;
  }

  @Test
  void theModelAnswersAsApache2Does() throws Exception {
    Optional<RealApache> real = RealApache.create();
    Assumptions.assumeTrue(real.isPresent(), "apache2 is not installed (.ci/install-tools installs it)");
    List<Case> cases = cases();
    HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext("/", ex -> {
      byte[] body = ("upstream " + ex.getRequestURI().getRawPath()
          + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery())).getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    upstream.start();
    String upstreamPort = Integer.toString(upstream.getAddress().getPort());
    Map<String, String> disagreements = new TreeMap<>();
    int asked = 0;
    try (RealApache httpd = real.get()) {
      List<RealApache.Snippet> snippets = new ArrayList<>();
      for (Case c : cases) {
        snippets.add(new RealApache.Snippet(c.name(), c.config().replace("UPSTREAM", upstreamPort), "server", ModuleSet.defaults()));
        c.files().forEach(httpd::createFile);
      }
      try (RealApache.Running server = httpd.start(snippets)) {
        for (Case c : cases) {
          String config = c.config().replace("UPSTREAM", upstreamPort);
          for (String request : c.requests()) {
            asked++;
            String[] parts = request.split("\\s+", 3);
            String question = parts[0] + " " + parts[1] + (c.files().isEmpty() ? "" : " "
                + String.join(" ", c.files().stream().map(f -> "file " + f).toList())) + (parts.length > 2 ? " " + parts[2] : "");
            String mine = answer(config, question);
            String theirs = compare(mine, request, server.port(), upstreamPort);
            if (theirs != null) {
              disagreements.put(c.name() + ": " + request, theirs);
            }
          }
        }
      }
    } finally {
      upstream.stop(0);
    }
    OracleCorpus.figures("request-oracle", String.format(java.util.Locale.ROOT, "%d requests in %d configurations, %d agree",
        asked, cases.size(), asked - disagreements.size()), disagreements);
    assertTrue(asked >= 40, "only " + asked + " requests");
    assertEquals(Map.of(), disagreements);
  }

  private static String answer(String config, String question) {
    QueryResult r = CHECKER.query(Snippet.of("apache", config, "case.conf", Map.of()), question, CheckContext.empty());
    if (!r.diagnostics().isEmpty()) {
      return "cannot: " + r.diagnostics();
    }
    String[] lines = r.output().strip().split("\n");
    return lines[lines.length - 1];
  }

  /** Null when httpd's reply agrees with opsbook's answer, else what differs. */
  private static String compare(String mine, String request, int port, String upstreamPort) throws IOException {
    if (mine.startsWith("cannot:")) {
      return mine;
    }
    String[] words = request.split("\\s+");
    String method = words[0];
    java.net.URI url = java.net.URI.create(words[1]);
    Map<String, String> headers = new TreeMap<>();
    headers.put("Host", url.getHost());
    String from = "127.0.0.1";
    List<String> cookies = new ArrayList<>();
    for (int i = 2; i + 1 < words.length; i += 2) {
      if (words[i].endsWith(":")) {
        headers.put(words[i].substring(0, words[i].length() - 1), request.substring(request.indexOf(words[i]) + words[i].length()).strip());
        break;
      }
      switch (words[i]) {
        case "from" -> from = words[i + 1];
        case "cookie" -> cookies.add(words[i + 1]);
        default -> {
        }
      }
    }
    if (!cookies.isEmpty()) {
      headers.put("Cookie", String.join("; ", cookies));
    }
    String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    LiveHttp.Reply reply = LiveHttp.send(from, port, method, target, headers);
    List<String> parts = org.opsbook.checker.apache.request.AnswerParts.split(mine);
    String outcome = parts.get(0);
    List<String> wrong = new ArrayList<>();
    String[] o = outcome.split(" ", 3);
    if (o[0].equals("proxy")) {
      String expected = "upstream " + o[1].replaceFirst("^http://127\\.0\\.0\\.1:" + upstreamPort, "");
      if (reply.status() != 200 || !reply.body().strip().equals(expected)) {
        wrong.add("httpd: " + reply.status() + " " + reply.body().strip());
      }
    } else {
      int status = Integer.parseInt(o[0]);
      if (reply.status() != status) {
        wrong.add("httpd status " + reply.status());
      }
      if (o.length >= 3 && o[1].equals("file") && !method.equals("HEAD") && !reply.body().strip().equals(o[2])) {
        wrong.add("httpd body " + abbreviate(reply.body()));
      }
      if (o.length == 2 && status >= 300 && status < 400) {
        String location = reply.values("Location").stream().findFirst().orElse("(none)")
            .replace("127.0.0.1:" + port, url.getHost()).replace(":" + port, "");
        if (!location.equals(o[1])) {
          wrong.add("httpd Location " + location);
        }
      }
    }
    for (String part : parts.subList(1, parts.size())) {
      if (part.startsWith("header ")) {
        String rest = part.substring(7);
        String name = rest.substring(0, rest.indexOf(' '));
        String value = org.opsbook.checker.apache.request.AnswerParts.unquote(rest.substring(rest.indexOf(' ') + 1));
        if (!reply.values(name).contains(value)) {
          wrong.add("httpd header " + name + " " + reply.values(name));
        }
      }
    }
    return wrong.isEmpty() ? null : "opsbook: " + mine + " | " + String.join("; ", wrong);
  }

  private static String abbreviate(String s) {
    String t = s.strip().replaceAll("\\s+", " ");
    return t.length() > 80 ? t.substring(0, 77) + "..." : t;
  }
}

package org.opsbook.checker.vcl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.checker.vcl.sim.QuestionReader;
import org.opsbook.maintenance.support.StubUpstream;
import org.opsbook.testing.Project;

/**
 * The request model against a live varnishd: each VCL of live/ is loaded into a varnishd on
 * 127.0.0.1 in front of a stub upstream, each question of its .cases file is asked of the model
 * and sent to varnishd (behind a PROXY line that gives the client address), and the model's answer
 * must equal what varnishd's log shows it did. Besides the written requests, each VCL gets
 * {@code VARIANTS} written requests with one change each, from a fixed seed ({@code
 * -Dvcl.live.seed=N}). Bounded: three VCLs and about eighty requests.
 */
@Tag("oracle")
class VclLiveOracleTest {
  private static final String MARKER = "X-Ob-Case";
  /** Changed copies of the written requests per VCL, from a fixed seed ({@code -Dvcl.live.variants=N}). */
  private static final int VARIANTS = Integer.getInteger("vcl.live.variants", 15);
  private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PURGE",
      "PATCH", "BAN");
  private static final List<String> URLS = List.of("/", "/healthz", "/__bypass/secret", "/static/app.css?v=2",
      "/api/hooks/x", "/shop?b=2&a=1&utm_source=mail", "*");
  private static final List<String> SUFFIXES = List.of("/", "?a=1", "x", ".css", "?utm_source=x&b=1", "%20", "//");
  private static final List<String> HEADERS = List.of("Cookie: bypass=ok", "Cookie: session=1; _ga=1",
      "Authorization: Basic eDp5", "Accept-Encoding: gzip", "Accept-Encoding: br", "X-Forwarded-Proto: https",
      "Host: other.example.net", "User-Agent: curl/8.0", "X-Forwarded-For: 10.9.9.9", "Content-Length: 0");
  private static final List<String> CLIENTS = List.of("192.0.2.10", "198.51.100.23", "203.0.113.9",
      "2001:db8:7::5", "127.0.0.1", "10.1.2.3");
  private final VclChecker checker = new VclChecker();

  @Test
  void theModelAnswersWhatALiveVarnishDoes() throws Exception {
    String reason = RealVarnish.unavailableReason();
    Assumptions.assumeTrue(reason == null && RealVarnish.find("varnishlog") != null,
        reason == null ? "varnishlog is not installed" : reason);
    int cases = 0;
    int agree = 0;
    java.util.Random random = new java.util.Random(Long.getLong("vcl.live.seed", 20261204L));
    List<String> problems = new ArrayList<>();
    try (RealVarnish scratch = RealVarnish.open(); StubUpstream stub = new StubUpstream()) {
      Path dir = Project.testResource("org/opsbook/checker/vcl/live");
      List<Path> vcls;
      try (Stream<Path> s = Files.list(dir)) {
        vcls = s.filter(p -> p.toString().endsWith(".vcl")).sorted().toList();
      }
      for (Path vcl : vcls) {
        String name = vcl.getFileName().toString().replace(".vcl", "");
        String text = Files.readString(vcl, StandardCharsets.UTF_8)
            .replace("STUB_PORT", Integer.toString(stub.port())).replace("SCRATCH", scratch.dir().toString());
        Path file = scratch.dir().resolve(name + ".vcl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        LiveVarnish.readable(file);
        List<String> questions = new ArrayList<>(questions(Files.readString(dir.resolve(name + ".cases"),
            StandardCharsets.UTF_8).replace("SCRATCH", scratch.dir().toString())));
        questions.addAll(variants(questions, random, VARIANTS));
        Snippet snippet = Snippet.ofFile("vcl", text, name + ".vcl");
        List<List<String>> expected = new ArrayList<>();
        List<String> responses = new ArrayList<>();
        try (LiveVarnish live = LiveVarnish.start(scratch.dir(), file, name)) {
          for (int i = 0; i < questions.size(); i++) {
            String question = withMarker(questions.get(i), name + "-" + i);
            QuestionReader.Read read = QuestionReader.read(question);
            assertTrue(read.problem() == null, name + " case " + i + ": " + read.problem());
            for (String path : read.request().existing()) {
              Files.writeString(Path.of(path), "on");
            }
            for (String path : read.request().missing()) {
              Files.deleteIfExists(Path.of(path));
            }
            responses.add(live.send(read.request().client(), read.request().server(), read.request().serverPort(),
                raw(read)));
            QueryResult q = checker.query(snippet, question, CheckContext.empty());
            expected.add(q.hasErrors() ? List.of("cannot: " + q.diagnostics()) : lines(q.output()));
          }
          Map<String, List<String[]>> log = VarnishLog.requests(live.requestLog(), MARKER);
          for (int i = 0; i < questions.size(); i++) {
            cases++;
            List<String[]> records = log.get(name + "-" + i);
            List<String> actual;
            if (records != null) {
              actual = VarnishLog.answer(records);
            } else if (responses.get(i).startsWith("HTTP/1.1 400 ")) {
              // The HTTP/1 reader refused the request before its headers were logged.
              actual = List.of("refused 400 before VCL");
            } else {
              problems.add(name + " case " + i + ": no log of the request");
              continue;
            }
            List<String> model = expected.get(i);
            if (same(model, actual)) {
              agree++;
            } else {
              problems.add(name + " case " + i + " (" + questions.get(i).lines().findFirst().orElse("") + "):\n  model:   "
                  + model + "\n  varnish: " + actual);
            }
          }
        }
      }
    }
    String report = String.format(Locale.ROOT, "vcl live oracle: %d requests, model and varnishd agree on %d",
        cases, agree);
    System.out.println(report);
    assertTrue(cases >= 25, "the live corpus should hold at least 25 requests");
    assertTrue(problems.isEmpty(), report + "\n" + String.join("\n", problems));
  }

  private static boolean same(List<String> model, List<String> live) {
    if (model.isEmpty() || live.isEmpty() || !model.get(0).equals(live.get(0))) {
      return false;
    }
    return normalized(model).equals(normalized(live));
  }

  /** Clauses as a set, header names in lower case (the model keeps a name as VCL spells it). */
  private static TreeSet<String> normalized(List<String> clauses) {
    TreeSet<String> out = new TreeSet<>();
    for (String c : clauses.subList(1, clauses.size())) {
      int colon = c.indexOf(": ");
      String clause = c.strip();
      out.add(colon < 0 ? clause.toLowerCase(Locale.ROOT)
          : clause.substring(0, colon).toLowerCase(Locale.ROOT) + clause.substring(colon));
    }
    return out;
  }

  /** The model's answer lines, without the explanation after a blank line. */
  private static List<String> lines(String output) {
    List<String> out = new ArrayList<>();
    for (String l : output.split("\n")) {
      if (l.isBlank()) {
        break;
      }
      out.add(l.strip());
    }
    return out;
  }

  /** Requests nobody wrote: written ones with one change (method, URL, a header added or removed, client). */
  static List<String> variants(List<String> written, java.util.Random random, int count) {
    List<String> out = new ArrayList<>();
    while (out.size() < count && !written.isEmpty()) {
      String q = written.get(random.nextInt(written.size()));
      List<String> lines = new ArrayList<>(List.of(q.split("\n")));
      String[] words = lines.get(0).split(" ", 3);
      String rest = words.length > 2 ? " " + words[2] : "";
      switch (random.nextInt(6)) {
        case 0 -> lines.set(0, METHODS.get(random.nextInt(METHODS.size())) + " " + words[1] + rest);
        case 1 -> lines.set(0, words[0] + " " + URLS.get(random.nextInt(URLS.size())) + rest);
        case 2 -> lines.set(0, words[0] + " " + words[1] + SUFFIXES.get(random.nextInt(SUFFIXES.size())) + rest);
        case 3 -> lines.add("  " + HEADERS.get(random.nextInt(HEADERS.size())));
        case 4 -> {
          if (lines.size() > 1) {
            lines.remove(1 + random.nextInt(lines.size() - 1));
          }
        }
        default -> {
          String client = "client=" + CLIENTS.get(random.nextInt(CLIENTS.size()));
          lines.set(0, lines.get(0).matches(".* client=\\S+.*") ? lines.get(0).replaceFirst("client=\\S+", client)
              : lines.get(0) + " " + client);
        }
      }
      out.add(String.join("\n", lines));
    }
    return out;
  }

  private static String withMarker(String question, String id) {
    String[] lines = question.split("\n", 2);
    String first = lines[0];
    if (first.contains("client=") && first.substring(first.indexOf("client=")).startsWith("client=2")
        && first.substring(first.indexOf("client=")).split("\\s")[0].contains("::") && !first.contains("server=")) {
      first += " server=[2001:db8::fe]:80";
    }
    String rest = lines.length > 1 ? lines[1] + "\n" : "";
    return first + "\n" + rest + "  " + MARKER + ": " + id + "\n  Connection: close";
  }

  private static String raw(QuestionReader.Read read) {
    var r = read.request();
    StringBuilder b = new StringBuilder(r.method()).append(' ').append(r.url()).append(' ').append(r.proto()).append("\r\n");
    for (var h : r.headers()) {
      b.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    return b.append("\r\n").toString();
  }

  private static List<String> questions(String cases) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : cases.split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      if (line.isBlank()) {
        if (current.length() > 0) {
          out.add(current.toString().strip());
          current.setLength(0);
        }
        continue;
      }
      current.append(line).append('\n');
    }
    if (current.length() > 0) {
      out.add(current.toString().strip());
    }
    return out;
  }
}

package org.opsbook.checker.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.checker.nginx.model.Wrap;
import org.opsbook.checker.nginx.request.QuestionReader;
import org.opsbook.checker.nginx.request.Request;
import org.opsbook.testing.Project;

/**
 * opsbook's request model against a real nginx serving the same configuration: for every
 * question in oracle/requests, the model's answer (status, Location, file served, URI sent
 * upstream, add_header values) must be what nginx answers. nginx runs in a private network and
 * mount namespace, so its ports and files are its own: each file that exists holds its own path,
 * and an upstream on 127.0.0.1:8080 and :3000 echoes the URI it receives. Questions the model
 * declines to evaluate are counted, never compared.
 */
@Tag("oracle")
class NginxRequestOracleTest {
  private static final Path DIR = Project.testResource("org/opsbook/checker/nginx/oracle/requests");
  private static final NginxChecker CHECKER = new NginxChecker();
  private static final String ECHO = "server {\n listen 127.0.0.1:8080;\n listen 127.0.0.1:3000;\n"
      + " location / {\n  return 200 \"upstream $request_uri\";\n }\n}\n";

  private record Question(String config, String text, Request request) {}

  @Test
  void theModelAnswersAsNginxServes() throws IOException, InterruptedException {
    Assumptions.assumeTrue(RealNginx.available() && Files.isExecutable(Path.of("/usr/bin/curl")),
        "needs root, nginx, unshare, openssl and curl (.ci/install-tools)");
    List<Path> configs;
    try (Stream<Path> s = Files.list(DIR)) {
      configs = s.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
    }
    Path dir = Files.createTempDirectory("ob-nginx-");
    List<Question> questions = new ArrayList<>();
    StringBuilder script = new StringBuilder();
    try {
      RealNginx.certificate(dir);
      Set<String> clients = new TreeSet<>();
      StringBuilder body = new StringBuilder();
      for (Path conf : configs) {
        String name = conf.getFileName().toString().replace(".conf", "");
        String text = Files.readString(conf, StandardCharsets.UTF_8);
        Path etc = Files.createDirectories(dir.resolve(name).resolve("etc"));
        Files.writeString(etc.resolve("ob-snippet.conf"), text);
        Files.writeString(etc.resolve("nginx.conf"), "events { }\nhttp {\naccess_log off;\ninclude "
            + RealNginx.SNIPPET + ";\n" + ECHO + "}\n");
        body.append("reset; cp -a '").append(etc).append("/.' /etc/nginx/\n");
        body.append("nginx > '").append(dir.resolve(name + ".start")).append("' 2>&1\n");
        List<String> lines = Files.readAllLines(DIR.resolve(name + ".cases"));
        String files = lines.stream().filter(l -> l.startsWith("# files:")).findFirst().map(l -> l.substring(8).strip())
            .orElse(null);
        for (String line : lines) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          QuestionReader.Read read = QuestionReader.read(line, files);
          assertTrue(read.request() != null, line + ": " + read.error());
          Request r = read.request();
          int n = questions.size();
          // The model is asked the same question with the file list spelled out.
          String asked = line.contains(" files ") || files == null ? line : line + " files " + files;
          questions.add(new Question(name, asked, r));
          clients.add(r.client());
          body.append("rm -rf /var/www/* /srv/*\n");
          for (String f : r.files() == null ? Set.<String>of() : r.files()) {
            body.append("mkdir -p '").append(f.substring(0, f.lastIndexOf('/') + 1)).append("'; printf '%s' '")
                .append(f).append("' > '").append(f).append("'\n");
          }
          body.append(curl(r, dir.resolve("q" + n))).append('\n');
        }
        body.append("kill $(cat /run/nginx.pid) 2>/dev/null; sleep 0.2\n");
      }
      List<String> texts = new ArrayList<>();
      for (Path conf : configs) {
        texts.add(Files.readString(conf, StandardCharsets.UTF_8));
      }
      script.append(RealNginx.setup(dir, texts));
      for (String c : clients) {
        script.append("ip addr add ").append(c).append(c.contains(":") ? "/128" : "/32").append(" dev lo\n");
      }
      script.append("trap 'kill $(cat /run/nginx.pid 2>/dev/null) 2>/dev/null' EXIT\n");
      script.append(body);
      RealNginx.run(dir, script.toString());
      int compared = 0;
      int declined = 0;
      List<String> disagreements = new ArrayList<>();
      StringBuilder report = new StringBuilder();
      for (int i = 0; i < questions.size(); i++) {
        Question q = questions.get(i);
        Live live = live(dir.resolve("q" + i));
        String config = Files.readString(DIR.resolve(q.config() + ".conf"));
        Snippet snippet = Snippet.of("nginx", config, q.config() + ".conf", Map.of("context", Wrap.HTTP.name()));
        QueryResult answer = CHECKER.query(snippet, q.text(), CheckContext.empty());
        report.append(q.config()).append(": ").append(q.text()).append("\n  nginx: ").append(live).append('\n');
        if (answer.hasErrors() || !answer.found()) {
          declined++;
          report.append("  model: declines: ").append(answer.diagnostics()).append('\n');
          continue;
        }
        String out = answer.output();
        String result = out.substring(out.lastIndexOf("=> ") + 3).strip();
        report.append("  model: ").append(result).append('\n');
        compared++;
        String why = differs(result, live, config);
        if (why != null) {
          disagreements.add(q.config() + ": " + q.text() + ": " + why + "\n  model: " + result + "\n  nginx: " + live);
        }
      }
      String figures = questions.size() + " requests: " + compared + " compared, " + (compared - disagreements.size())
          + " agree, " + declined + " the model declines";
      Files.createDirectories(Project.root().resolve("target"));
      Files.writeString(Project.root().resolve("target/nginx-request-oracle.txt"), figures + "\n\n" + report);
      System.out.println("nginx request oracle: " + figures);
      assertEquals(List.of(), disagreements, figures);
      assertTrue(compared >= questions.size() * 9 / 10, figures);
    } finally {
      RealNginx.delete(dir);
    }
  }

  private static String curl(Request r, Path out) {
    String host = r.header("host");
    String hostName = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
        : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
    String connect = r.local() == null ? "127.0.0.77" : r.local();
    StringBuilder c = new StringBuilder("curl -s -k --max-time 5 --path-as-is -o '" + out + ".body' -D '" + out
        + ".head' -X " + r.method() + " --interface " + r.client() + " --resolve '" + hostName + ":" + r.port() + ":"
        + connect + "'");
    for (Map.Entry<String, String> h : r.headers().entrySet()) {
      if (!h.getKey().equals("host")) {
        c.append(" -H '").append(h.getKey()).append(": ").append(h.getValue().replace("'", "'\\''")).append("'");
      }
    }
    c.append(" '").append(r.scheme()).append("://").append(hostName).append(":").append(r.port())
        .append(r.target().replace("'", "%27")).append("'");
    return c + "; echo $? > '" + out + ".rc'";
  }

  private record Live(int status, Map<String, String> headers, String body) {
    @Override
    public String toString() {
      return status + " " + headers + " body=" + body.replace("\n", "\\n");
    }
  }

  private static Live live(Path prefix) throws IOException {
    Path head = Path.of(prefix + ".head");
    if (!Files.exists(head)) {
      return new Live(-1, Map.of(), "");
    }
    Map<String, String> headers = new TreeMap<>();
    int status = -1;
    for (String l : Files.readAllLines(head, StandardCharsets.UTF_8)) {
      if (l.startsWith("HTTP/")) {
        status = Integer.parseInt(l.split(" ")[1]);
      } else if (l.contains(":")) {
        String name = l.substring(0, l.indexOf(':')).strip().toLowerCase(Locale.ROOT);
        headers.merge(name, l.substring(l.indexOf(':') + 1).strip(), (a, b) -> a + "\n" + b);
      }
    }
    Path b = Path.of(prefix + ".body");
    return new Live(status, headers, Files.exists(b) ? Files.readString(b, StandardCharsets.ISO_8859_1) : "");
  }

  private static final Pattern HEADER = Pattern.compile("header (\\S+) \"(.*)\"");

  /** Why the model's answer is not what nginx did, or null when they agree. */
  private static String differs(String answer, Live live, String config) {
    List<String> clauses = clauses(answer);
    String result = clauses.get(0);
    Matcher file = Pattern.compile("(?:(\\d{3}) )?file (\\S+)").matcher(result);
    if (result.startsWith("proxy ")) {
      String url = result.substring(6);
      String path = url.replaceFirst("^https?://[^/]+", "");
      if (live.status() != 200 || !live.body().equals("upstream " + (path.isEmpty() ? "/" : path))) {
        return "the upstream does not receive " + path;
      }
    } else if (file.matches()) {
      int status = file.group(1) == null ? 200 : Integer.parseInt(file.group(1));
      if (live.status() != status || !live.body().equals(file.group(2))) {
        return "nginx does not serve " + file.group(2) + " with status " + status;
      }
    } else {
      Matcher m = Pattern.compile("(\\d{3})(?: (.*))?").matcher(result);
      if (!m.matches()) {
        return "unreadable answer";
      }
      int status = Integer.parseInt(m.group(1));
      if (status == 444) {
        return live.status() == -1 || live.status() == 0 ? null : "nginx answered instead of closing";
      }
      if (live.status() != status) {
        return "status " + live.status() + " instead of " + status;
      }
      String rest = m.group(2);
      if (rest != null && rest.startsWith("\"")) {
        if (!live.body().equals(rest.substring(1, rest.length() - 1).replace("\\n", "\n"))) {
          return "body differs";
        }
      } else if (rest != null && !rest.equals(live.headers().get("location"))) {
        return "Location " + live.headers().get("location") + " instead of " + rest;
      }
    }
    Set<String> names = new LinkedHashSet<>();
    Matcher add = Pattern.compile("add_header\\s+(\\S+)").matcher(config);
    while (add.find()) {
      names.add(add.group(1).toLowerCase(Locale.ROOT));
    }
    Map<String, String> modelHeaders = new TreeMap<>();
    for (String c : clauses) {
      Matcher h = HEADER.matcher(c);
      if (h.matches()) {
        modelHeaders.merge(h.group(1).toLowerCase(Locale.ROOT), h.group(2), (a, b) -> a + "\n" + b);
      }
    }
    for (String n : names) {
      if (n.equals("cache-control") && live.headers().containsKey("expires") && !modelHeaders.containsKey(n)) {
        continue; // expires sets Cache-Control itself; the model reports add_header only
      }
      String model = modelHeaders.get(n);
      String real = live.headers().get(n);
      if (real != null && n.equals("cache-control") && config.contains("expires")) {
        continue;
      }
      if (model == null ? real != null : !model.equals(real)) {
        return "header " + n + ": model " + model + ", nginx " + real;
      }
    }
    return null;
  }

  private static List<String> clauses(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (char ch : text.toCharArray()) {
      if (ch == '"') {
        quoted = !quoted;
      }
      if (ch == ',' && !quoted) {
        out.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString().strip());
    return out;
  }
}

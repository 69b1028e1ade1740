package org.opsbook.checker.vcl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Snippet;
import org.opsbook.checker.vcl.syntax.VclParser;

/**
 * VCL nobody wrote: the oracle corpus, each file changed in one place (a token removed, replaced,
 * repeated, or two swapped, or a word inserted), compiled by opsbook and by varnishd -C. The
 * changes come from a fixed seed, so a run is repeatable; {@code -Dvcl.oracle.seed=N} and
 * {@code -Dvcl.oracle.mutants=N} explore further. A text that varnishd refuses for a failed lookup
 * is left out unless opsbook reports an error on that line too: opsbook leaves names to the
 * resolver (DNS, /etc/hosts, /etc/services), which it never asks.
 */
@Tag("oracle")
class VclRandomOracleTest {
  private static final Pattern TOKEN = Pattern.compile(
      "\"[^\"\\n]*\"|\\{\"|\"\\}|[A-Za-z_][A-Za-z0-9_-]*|[0-9]+(?:\\.[0-9]+)?|==|!=|!~|&&|\\|\\||[{}();=~!<>+\\-*/,.%]");
  private static final List<String> WORDS = List.of("req.url", "req.http.X", "beresp.ttl", "resp.status",
      "obj.hits", "client.ip", "pass", "hash", "lookup", "deliver", "synth", "1s", "\"x\"", "10", "true",
      "std.tolower", "std.integer", "set", "unset", "return", "call", "if", "else", "elsif", "{", "}", "(", ")", ";",
      "==", "~", "!", "+", "-", "*", "default", "bereq.url", "req.method", "5m", "1.5", "\"a\" + \"b\"", "acl", "sub",
      "backend", "probe", "import std;", "new", ".host", ".port", "\"127.0.0.1\"", "regsub(req.url, \"a\", \"b\")",
      "\"/24\"", "/", "!~", "&&", "||", "req.restarts", "now", "req.backend_hint", "\"(x\"", "\"[a-\"", "synth(503)",
      "vcl_recv", "vcl_deliver");

  @Test
  void oneChangeToACorpusFileGetsTheVerdictVarnishdGives() throws Exception {
    compareChanged("vcl random oracle", "vcl.oracle.mutants", 160, VclRandomOracleTest::mutate);
  }

  /**
   * Changes that keep the shape of the text: a string, number, duration or variable replaced by
   * another of its kind. Many such texts stay valid, so this side measures that opsbook flags no
   * text varnishd accepts, as well as the variable catalogue (which variable each subroutine may
   * read or set) and the values VCC reads inside strings (regexes, addresses, ports).
   */
  @Test
  void oneChangedValueGetsTheVerdictVarnishdGives() throws Exception {
    compareChanged("vcl random value oracle", "vcl.oracle.values", 160, VclRandomOracleTest::changeValue);
  }

  private interface Mutator {
    String apply(String text, Random random);
  }

  private static void compareChanged(String what, String countProperty, int defaultCount, Mutator mutator)
      throws Exception {
    String reason = RealVarnish.unavailableReason();
    Assumptions.assumeTrue(reason == null, reason);
    long seed = Long.getLong("vcl.oracle.seed", 20261124L);
    int count = Integer.getInteger(countProperty, defaultCount);
    Random random = new Random(seed);
    List<Path> files = new ArrayList<>(VclOracleTest.corpus());
    List<String> names = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int attempts = 0; texts.size() < count && attempts < count * 20; attempts++) {
      Path file = files.get(random.nextInt(files.size()));
      String mutant = mutator.apply(Files.readString(file, StandardCharsets.UTF_8), random);
      if (mutant != null) {
        names.add("#" + texts.size() + " of " + file.getFileName());
        texts.add(mutant);
      }
    }
    List<RealVarnish.Verdict> verdicts;
    try (RealVarnish first = RealVarnish.open(); RealVarnish second = RealVarnish.open()) {
      verdicts = Agreement.verdicts(List.of(first, second), texts, Collections.nCopies(texts.size(), false));
    }
    Agreement tally = new Agreement();
    List<String> problems = new ArrayList<>();
    int dns = 0;
    for (int i = 0; i < texts.size(); i++) {
      RealVarnish.Verdict v = verdicts.get(i);
      if ((v.message().contains("could not be resolved") || v.message().contains("DNS lookup"))
          && !refusesAtTheSameLine(texts.get(i), v)) {
        dns++;
        continue;
      }
      String problem = tally.compare(names.get(i), texts.get(i), v);
      if (problem != null) {
        problems.add(problem + "\n--- text:\n" + texts.get(i));
      }
    }
    String report = tally.report(what + " (seed " + seed + ", " + texts.size() + " changed files, " + dns
        + " left out: a name only the resolver can judge)");
    System.out.println(report);
    tally.notFirst.forEach(n -> System.out.println("opsbook reports an earlier error: " + n));
    assertTrue(problems.isEmpty(), report + "\n" + String.join("\n", problems));
  }

  /**
   * Whether opsbook reports an error on the line of varnishd's failed lookup. When it does not, it
   * left that name to the resolver (DNS, /etc/hosts, /etc/services), which it never asks.
   */
  private static boolean refusesAtTheSameLine(String text, RealVarnish.Verdict v) {
    int line = v.line() - (VclParser.readsBehindWrapper(text, false) ? 2 : 0);
    return new VclChecker().check(Snippet.ofFile("vcl", text, "changed.vcl"), CheckContext.empty()).stream()
        .anyMatch(d -> d.isError() && d.where().line() == line);
  }

  /** One change at a random place after the first few tokens, or {@code null} when none applies. */
  static String mutate(String text, Random random) {
    List<int[]> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      tokens.add(new int[] {m.start(), m.end()});
    }
    if (tokens.size() < 5) {
      return null;
    }
    int[] t = tokens.get(3 + random.nextInt(tokens.size() - 3));
    double op = random.nextDouble();
    String word = WORDS.get(random.nextInt(WORDS.size()));
    if (op < 0.25) {
      return text.substring(0, t[0]) + text.substring(t[1]);
    }
    if (op < 0.6) {
      return text.substring(0, t[0]) + word + text.substring(t[1]);
    }
    if (op < 0.75) {
      return text.substring(0, t[1]) + " " + text.substring(t[0], t[1]) + text.substring(t[1]);
    }
    if (op < 0.85) {
      return text.substring(0, t[0]) + word + " " + text.substring(t[0]);
    }
    int[] u = tokens.get(3 + random.nextInt(tokens.size() - 3));
    int[] a = t[0] <= u[0] ? t : u;
    int[] b = t[0] <= u[0] ? u : t;
    if (a[1] > b[0]) {
      return null;
    }
    return text.substring(0, a[0]) + text.substring(b[0], b[1]) + text.substring(a[1], b[0])
        + text.substring(a[0], a[1]) + text.substring(b[1]);
  }
  private static final Pattern VALUE = Pattern.compile(
      "\"[^\"\\n]*\"|(?<![A-Za-z_.-])[0-9]+(?:\\.[0-9]+)?(?:ms|s|m|h|d|w|y|KB|MB|B)?(?![A-Za-z0-9_.])"
      + "|\\b(?:req|bereq|beresp|resp|obj|client|server|local|remote|sess)\\.[A-Za-z_][A-Za-z0-9_.-]*");
  private static final List<String> STRINGS = List.of("\"\"", "\"x\"", "\"/\"", "\"^/api/(v[0-9]+)/\"",
      "\"\\.(css|js|png)$\"", "\"(unclosed\"", "\"[z-a]\"", "\"192.0.2.7\"", "\"::1\"", "\"10.0.0.0\"",
      "\"8080\"", "\"http\"", "\"no-store\"", "\"a b\"", "\"*\"", "\"\\d+\"", "\"%\"", "\"^$\"",
      "\"300.1.1.1\"", "\"65536\"", "\"/healthz\"", "\"GET\"");
  private static final List<String> NUMBERS = List.of("0", "1", "3", "200", "404", "503", "99", "1000", "65535",
      "1.5", "0.5", "1ms", "0s", "10s", "5m", "2h", "1d", "1w", "1y", "100KB", "1MB", "10B", "007");
  private static final List<String> VARIABLES = List.of("req.url", "req.method", "req.http.Cookie", "req.http.host",
      "req.restarts", "req.backend_hint", "req.hash_always_miss", "req.ttl", "req.grace", "req.esi", "req.can_gzip",
      "req.proto", "req.xid", "bereq.url", "bereq.method", "bereq.http.Cookie", "bereq.retries", "bereq.backend",
      "beresp.ttl", "beresp.grace", "beresp.status", "beresp.reason", "beresp.http.Set-Cookie", "beresp.uncacheable",
      "beresp.do_esi", "beresp.backend.name", "resp.status", "resp.reason", "resp.http.X-Cache", "resp.is_streaming",
      "obj.hits", "obj.ttl", "obj.uncacheable", "obj.http.Age", "client.ip", "client.identity", "server.ip",
      "server.hostname", "local.ip", "remote.ip", "sess.timeout_idle", "req.http.X-Forwarded-For", "resp.body",
      "beresp.body", "bereq.body", "req.hash", "obj.storage", "beresp.storage");

  private static final Pattern NAMED = Pattern.compile(
      "return\\s*\\(\\s*([a-z_]+(?:\\([^()]*\\))?)\\s*\\)|\\bsub\\s+(vcl_[a-z_]+)");
  private static final List<String> ACTIONS = List.of("lookup", "hash", "pass", "pipe", "deliver", "fetch", "miss",
      "restart", "purge", "retry", "abandon", "ok", "fail", "error", "synth(503)", "synth(200, \"OK\")", "vcl(other)",
      "hit_for_pass");
  private static final List<String> SUBS = List.of("vcl_recv", "vcl_pipe", "vcl_pass", "vcl_hash", "vcl_purge",
      "vcl_hit", "vcl_miss", "vcl_deliver", "vcl_synth", "vcl_backend_fetch", "vcl_backend_response",
      "vcl_backend_error", "vcl_init", "vcl_fini", "vcl_error", "vcl_fetch");

  /**
   * One string, number, variable, return action or built-in subroutine name replaced by another of
   * its kind, or {@code null} when none applies.
   */
  static String changeValue(String text, Random random) {
    List<int[]> values = new ArrayList<>();
    Matcher m = VALUE.matcher(text);
    while (m.find()) {
      // The vcl line's version is a number too; changing it only ever gives vcl.version.
      if (text.lastIndexOf("vcl ", m.start()) != m.start() - 4) {
        values.add(new int[] {m.start(), m.end(), 0});
      }
    }
    Matcher n = NAMED.matcher(text);
    while (n.find()) {
      int g = n.group(1) != null ? 1 : 2;
      values.add(new int[] {n.start(g), n.end(g), g});
    }
    if (values.isEmpty()) {
      return null;
    }
    int[] v = values.get(random.nextInt(values.size()));
    String old = text.substring(v[0], v[1]);
    List<String> pool = v[2] == 1 ? ACTIONS : v[2] == 2 ? SUBS : old.startsWith("\"") ? STRINGS
        : Character.isDigit(old.charAt(0)) ? NUMBERS : VARIABLES;
    String word = pool.get(random.nextInt(pool.size()));
    return word.equals(old) ? null : text.substring(0, v[0]) + word + text.substring(v[1]);
  }
}

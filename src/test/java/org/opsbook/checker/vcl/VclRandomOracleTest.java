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

/**
 * VCL nobody wrote: the oracle corpus, each file changed in one place (a token removed, replaced,
 * repeated, or two swapped, or a word inserted), compiled by opsbook and by varnishd -C. The
 * changes come from a fixed seed, so a run is repeatable; {@code -Dvcl.oracle.seed=N} and
 * {@code -Dvcl.oracle.mutants=N} explore further. Texts whose verdict depends on a DNS lookup
 * (a host name VCC cannot resolve) are left out: opsbook does not resolve names.
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
    String reason = RealVarnish.unavailableReason();
    Assumptions.assumeTrue(reason == null, reason);
    long seed = Long.getLong("vcl.oracle.seed", 20261124L);
    int count = Integer.getInteger("vcl.oracle.mutants", 160);
    Random random = new Random(seed);
    List<Path> files = new ArrayList<>(VclOracleTest.corpus());
    List<String> names = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    while (texts.size() < count) {
      Path file = files.get(random.nextInt(files.size()));
      String mutant = mutate(Files.readString(file, StandardCharsets.UTF_8), random);
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
      if (v.message().contains("could not be resolved") || v.message().contains("DNS lookup")) {
        dns++;
        continue;
      }
      String problem = tally.compare(names.get(i), texts.get(i), v);
      if (problem != null) {
        problems.add(problem + "\n--- text:\n" + texts.get(i));
      }
    }
    String report = tally.report("vcl random oracle (seed " + seed + ", " + texts.size() + " changed files, " + dns
        + " left out as DNS-dependent)");
    System.out.println(report);
    assertTrue(problems.isEmpty(), report + "\n" + String.join("\n", problems));
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
}

package org.opsbook.checker.postfix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.checker.postfix.rules.PostfixRules;
import org.opsbook.diag.Diagnostic;

/**
 * Differential test: every key of every table under {@code oracle/} is looked up with the real
 * {@code postmap -q} and with {@link PostfixChecker#query}, once with the engines Postfix itself
 * calls ({@code postfix.engine: native}) and once with the translator that stands in where they are
 * missing. Outputs and found/not-found must agree, and so must the table lines postmap warns about
 * while opening the table (against the lines the checker's table reader reports) and while looking
 * the key up (against the lines of the lookup's own warnings). A lookup the checker refuses to
 * answer (an error naming the construct or bound that stops it, as the translator does for what it
 * cannot reproduce) is honest but counted apart; any other disagreement must be listed in {@code
 * known-differences.txt} for that engine, with a reason.
 */
@Tag("oracle")
class PostmapOracleTest {
  private static final List<String> READER_RULES =
      List.of("postfix.bad-regex", "postfix.unknown-flag", "postfix.missing-delimiter", "postfix.missing-pattern",
          "postfix.missing-result", "postfix.bad-replacement", "postfix.group-out-of-range",
          "postfix.negated-substitution", "postfix.unbalanced-if", "postfix.extra-text",
          "postfix.unrecognized-line", "postfix.obsolete-flag");

  private final PostfixChecker checker = new PostfixChecker();

  /** Tallies of one engine's run over the corpus. */
  private static final class Tally {
    int lookups;
    int agreed;
    int refused;
    int tolerated;
    final Map<String, Integer> answeredBy = new TreeMap<>();
    final List<String> disagreements = new ArrayList<>();
  }

  @Test
  void queriesAgreeWithPostmap() throws Exception {
    Assumptions.assumeTrue(PostmapOracle.available(), "postmap is not installed (apt-get install postfix postfix-pcre)");
    Path dir = resourceDir();
    Map<String, String> known = knownDifferences(dir);
    boolean nativeHere = NativeSupport.pcre2() && NativeSupport.glibc();
    List<String> engines = nativeHere ? List.of("native", "translator") : List.of("translator");
    Map<String, Tally> tallies = new TreeMap<>();
    engines.forEach(e -> tallies.put(e, new Tally()));
    try (PostmapOracle postmap = PostmapOracle.start();
        Stream<Path> files = Files.list(dir)) {
      Assumptions.assumeTrue(postmap.supports("pcre"), "postmap has no pcre: support (apt-get install postfix-pcre)");
      List<Path> tables =
          files.filter(p -> p.toString().endsWith(".pcre") || p.toString().endsWith(".regexp")).sorted().toList();
      for (Path table : tables) {
        String name = table.getFileName().toString();
        String mapType = name.endsWith(".pcre") ? "pcre" : "regexp";
        String text = Files.readString(table, StandardCharsets.UTF_8);
        Snippet snippet = Snippet.ofFile("postfix-" + mapType, text, name);
        List<String> keys = KeysFile.parse(Files.readString(dir.resolve(name + ".keys"), StandardCharsets.UTF_8));
        Map<String, PostmapOracle.Answer> real = postmap.queryAll(mapType, table, keys);
        TreeSet<Integer> openWarned = postmap.openWarnings(mapType, table);
        for (String engine : engines) {
          Tally tally = tallies.get(engine);
          CheckContext context = CheckContext.of(Map.of("postfix.engine", engine));
          for (String key : keys) {
            tally.lookups++;
            PostmapOracle.Answer answer = real.get(key);
            QueryResult ours = checker.query(snippet, key, context);
            tally.answeredBy.merge(answeredBy(ours), 1, Integer::sum);
            TreeSet<Integer> lookupWarned = new TreeSet<>(answer.warnedLines());
            lookupWarned.removeAll(openWarned);
            boolean same = answer.found() == ours.found() && answer.stdout().equals(ours.output())
                && lookupWarned.equals(lookupWarnings(ours, text));
            String id = engine + "\t" + name + "\t" + escape(key);
            if (same) {
              tally.agreed++;
            } else if (ours.hasErrors() && engine.equals("translator")) {
              tally.refused++; // no answer, and an error that says why: never a wrong one
            } else if (known.containsKey(id)) {
              tally.tolerated++;
            } else {
              tally.disagreements.add(id + ": postmap "
                  + (answer.found() ? "\"" + escape(answer.stdout()) + "\"" : "not found") + " warning at " + lookupWarned
                  + ", opsbook " + (ours.found() ? "\"" + escape(ours.output()) + "\"" : "not found")
                  + " warning at " + lookupWarnings(ours, text) + " " + ours.diagnostics());
            }
          }
          TreeSet<Integer> ourLines = new TreeSet<>();
          TreeSet<Integer> expected = new TreeSet<>(openWarned);
          for (Diagnostic d : checker.check(snippet, context)) {
            if (READER_RULES.contains(d.rule().value())) {
              ourLines.add(logicalStart(text, d.where().line()));
            } else if (d.rule().value().equals("postfix.unsupported-construct") && engine.equals("translator")) {
              expected.remove(logicalStart(text, d.where().line())); // refused: whatever PCRE2 would say
            }
          }
          if (!ourLines.equals(expected) && !known.containsKey(engine + "\t" + name + "\twarnings")) {
            tally.disagreements.add(engine + " " + name + ": postmap warns about lines " + openWarned
                + " when it opens the table, opsbook about " + ourLines);
          }
        }
      }
    }
    List<String> all = new ArrayList<>();
    int total = 0;
    for (var e : tallies.entrySet()) {
      Tally t = e.getValue();
      total += t.lookups;
      System.out.printf(Locale.ROOT,
          "postmap oracle, postfix.engine=%s: %d lookups, %d agree, %d refused with a reason, %d known differences,"
              + " %d disagree; answered by %s%n",
          e.getKey(), t.lookups, t.agreed, t.refused, t.tolerated, t.disagreements.size(), t.answeredBy);
      all.addAll(t.disagreements);
    }
    assertTrue(all.isEmpty(), String.join("\n", all));
    assertTrue(total >= 150, "the oracle needs at least 150 lookups, has " + total);
  }

  /** The engine the query names in its postfix.engine line. */
  private static String answeredBy(QueryResult ours) {
    return ours.diagnostics().stream().filter(d -> d.rule().equals(PostfixRules.ENGINE.id())).findFirst()
        .map(d -> d.message().replaceFirst("^answered by ", "")).orElse("nothing (the table cannot be read)");
  }

  /** The table lines of the match errors the lookup logged, as postmap numbers them. */
  private static TreeSet<Integer> lookupWarnings(QueryResult ours, String text) {
    TreeSet<Integer> lines = new TreeSet<>();
    for (Diagnostic d : ours.diagnostics()) {
      if (d.rule().equals(PostfixRules.BACKTRACKING_LIMIT.id()) && !d.isError()) {
        lines.add(logicalStart(text, d.where().line()));
      }
    }
    return lines;
  }

  /** The first line of the logical line that contains {@code line} (postmap reports that one). */
  private static int logicalStart(String text, int line) {
    String[] lines = text.split("\n", -1);
    int i = Math.min(line, lines.length) - 1;
    while (i > 0 && (lines[i].isBlank() || lines[i].stripLeading().startsWith("#")
        || Character.isWhitespace(lines[i].charAt(0)))) {
      i--;
    }
    return i + 1;
  }

  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
  }

  /** Lines {@code engine<TAB>table<TAB>key<TAB>reason}; the key escaped as in the messages. */
  private static Map<String, String> knownDifferences(Path dir) throws IOException {
    Map<String, String> known = new TreeMap<>();
    Path file = dir.resolve("known-differences.txt");
    if (!Files.exists(file)) {
      return known;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", 4);
      if (f.length < 4 || f[3].isBlank() || !List.of("native", "translator").contains(f[0])) {
        throw new IllegalStateException("known-differences.txt: want engine<TAB>table<TAB>key<TAB>reason: " + line);
      }
      known.put(f[0] + "\t" + f[1] + "\t" + f[2], f[3]);
    }
    return known;
  }

  private static Path resourceDir() throws URISyntaxException {
    URL url = PostmapOracleTest.class.getResource("oracle/headers.pcre");
    return Path.of(url.toURI()).getParent();
  }
}

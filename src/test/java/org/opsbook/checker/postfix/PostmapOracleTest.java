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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckContext;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;

/**
 * Differential test: every key of every table under {@code oracle/} is looked up with the real
 * {@code postmap -q} and with {@link PostfixChecker#query}; outputs and found/not-found must agree,
 * and so must the set of table lines postmap warns about and the lines the parser reports.
 * Disagreements listed in {@code known-differences.txt} (with a reason) are tolerated.
 */
@Tag("oracle")
class PostmapOracleTest {
  private static final Pattern WARNED_LINE = Pattern.compile("map [^,]+, line (\\d+):");
  private static final List<String> PARSER_RULES =
      List.of("postfix.bad-regex", "postfix.unknown-flag", "postfix.missing-delimiter", "postfix.missing-pattern",
          "postfix.missing-result", "postfix.bad-replacement", "postfix.group-out-of-range",
          "postfix.negated-substitution", "postfix.unbalanced-if", "postfix.extra-text",
          "postfix.unrecognized-line", "postfix.obsolete-flag", "postfix.leading-whitespace");

  private final PostfixChecker checker = new PostfixChecker();

  @Test
  void queriesAgreeWithPostmap() throws Exception {
    Assumptions.assumeTrue(PostmapOracle.available(), "postmap is not installed (apt-get install postfix postfix-pcre)");
    Path dir = resourceDir();
    Map<String, String> known = knownDifferences(dir);
    List<String> disagreements = new ArrayList<>();
    int lookups = 0;
    int agreed = 0;
    int tolerated = 0;
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
        TreeSet<Integer> warnedLines = new TreeSet<>();
        for (String key : keys) {
          lookups++;
          PostmapOracle.Answer real = postmap.query(mapType, table, key);
          Matcher w = WARNED_LINE.matcher(real.stderr());
          while (w.find() && !real.stderr().contains("match limit exceeded")) {
            warnedLines.add(Integer.parseInt(w.group(1)));
          }
          QueryResult ours = checker.query(snippet, key, CheckContext.empty());
          boolean realFound = real.exit() == 0;
          boolean same = realFound == ours.found() && real.stdout().equals(ours.output());
          String id = name + "\t" + escape(key);
          if (same) {
            agreed++;
          } else if (known.containsKey(id)) {
            tolerated++;
          } else {
            disagreements.add(id + ": postmap " + (realFound ? "\"" + escape(real.stdout()) + "\"" : "not found")
                + ", opsbook " + (ours.found() ? "\"" + escape(ours.output()) + "\"" : "not found")
                + (ours.diagnostics().isEmpty() ? "" : " " + ours.diagnostics().get(0).message()));
          }
        }
        TreeSet<Integer> ourLines = new TreeSet<>();
        for (Diagnostic d : checker.check(snippet, CheckContext.empty())) {
          if (PARSER_RULES.contains(d.rule().value())) {
            ourLines.add(logicalStart(text, d.where().line()));
          }
        }
        if (!ourLines.equals(warnedLines) && !known.containsKey(name + "\twarnings")) {
          disagreements.add(name + ": postmap warns about lines " + warnedLines + ", opsbook about " + ourLines);
        }
      }
    }
    System.out.printf(Locale.ROOT, "postmap oracle: %d lookups, %d agree, %d known differences, %d disagree%n",
        lookups, agreed, tolerated, disagreements.size());
    assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
    assertTrue(lookups >= 150, "the oracle needs at least 150 lookups, has " + lookups);
  }

  /** The first line of the logical line that contains {@code line} (postmap reports that one). */
  private static int logicalStart(String text, int line) {
    String[] lines = text.split("\n", -1);
    int i = line - 1;
    while (i > 0 && (lines[i].isBlank() || lines[i].stripLeading().startsWith("#")
        || Character.isWhitespace(lines[i].charAt(0)))) {
      i--;
    }
    return i + 1;
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
  }

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
      String[] f = line.split("\t", 3);
      if (f.length < 3 || f[2].isBlank()) {
        throw new IllegalStateException("known-differences.txt: want table<TAB>key<TAB>reason: " + line);
      }
      known.put(f[0] + "\t" + f[1], f[2]);
    }
    return known;
  }

  private static Path resourceDir() throws URISyntaxException {
    URL url = PostmapOracleTest.class.getResource("oracle/headers.pcre");
    return Path.of(url.toURI()).getParent();
  }

}

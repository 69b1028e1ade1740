package org.opsbook.checker.vcl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;
import org.opsbook.testing.Project;

/**
 * Differential test against the installed Varnish 7.1: for every VCL of the oracle corpus,
 * opsbook's verdict (any error or none) must be varnishd -C's, and when varnishd refuses it, the
 * line VCC names must be the line of one of opsbook's errors. A snippet without a vcl line that
 * declares no backend goes to varnishd behind the same two lines opsbook reads it behind.
 *
 * <p>By default VCC runs with the C compiler step skipped (the verdict of VCC is the same; gcc
 * takes a second per file), and a fixed set of {@link #WITH_GCC} files also runs through the real
 * {@code varnishd -C} with gcc. {@code -Dvcl.oracle.gcc=all} (Maven profile {@code vcl-oracle})
 * runs every file through gcc. Known differences, with their reasons, are listed in
 * oracle/known-differences.txt.
 */
@Tag("oracle")
class VclOracleTest {
  private static final String CORPUS = "org/opsbook/checker/vcl/oracle";
  static final String WRAPPER = "vcl 4.1;\nbackend default none;\n";
  private static final List<String> WITH_GCC = List.of("ok-directors.vcl", "ok-maintenance-switch.vcl",
      "ok-purge-acl.vcl", "ok-long-strings.vcl", "paste-ok-recv.vcl", "bad-unused-acl.vcl", "vcl3-full.vcl",
      "ok-ipv6-acl.vcl");

  private final VclChecker checker = new VclChecker();

  @Test
  void verdictsAndErrorLinesAgreeWithVarnishdC() throws Exception {
    String reason = RealVarnish.unavailableReason();
    Assumptions.assumeTrue(reason == null, reason);
    try (RealVarnish first = RealVarnish.open(); RealVarnish second = RealVarnish.open()) {
      compare(List.of(first, second));
    }
  }

  /** varnishd's verdicts on every file, two compilations at a time (one per scratch folder). */
  private static List<RealVarnish.Verdict> verdicts(List<RealVarnish> varnishes, List<Path> files, boolean allWithGcc)
      throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(varnishes.size());
    try {
      java.util.concurrent.BlockingQueue<RealVarnish> free = new java.util.concurrent.LinkedBlockingQueue<>(varnishes);
      List<java.util.concurrent.Future<RealVarnish.Verdict>> futures = new ArrayList<>();
      for (Path file : files) {
        futures.add(pool.submit(() -> {
          String name = file.getFileName().toString();
          String text = Files.readString(file, StandardCharsets.UTF_8);
          RealVarnish v = free.take();
          try {
            return v.compile(isPasted(text) ? WRAPPER + text : text, allWithGcc || WITH_GCC.contains(name));
          } finally {
            free.put(v);
          }
        }));
      }
      List<RealVarnish.Verdict> out = new ArrayList<>();
      for (var f : futures) {
        out.add(f.get(10, java.util.concurrent.TimeUnit.MINUTES));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private void compare(List<RealVarnish> varnishes) throws Exception {
    boolean allWithGcc = "all".equals(System.getProperty("vcl.oracle.gcc"));
    Map<String, String> known = knownDifferences();
    List<Path> files = corpus();
    assertTrue(files.size() >= 120, "the oracle corpus should hold at least 120 VCL files, has " + files.size());

    List<RealVarnish.Verdict> all = verdicts(varnishes, files, allWithGcc);
    int verdictAgree = 0;
    int refused = 0;
    int lineAmong = 0;
    int lineFirst = 0;
    int gcc = 0;
    List<String> unexpected = new ArrayList<>();
    List<String> tolerated = new ArrayList<>();
    for (int k = 0; k < files.size(); k++) {
      Path file = files.get(k);
      String name = file.getFileName().toString();
      String text = Files.readString(file, StandardCharsets.UTF_8);
      List<Diagnostic> found = checker.check(Snippet.ofFile("vcl", text, name), CheckContext.empty());
      boolean ours = found.stream().anyMatch(Diagnostic::isError);
      boolean wrapped = isPasted(text);
      boolean withGcc = allWithGcc || WITH_GCC.contains(name);
      gcc += withGcc ? 1 : 0;
      RealVarnish.Verdict theirs = all.get(k);
      int line = theirs.line() < 0 ? -1 : theirs.line() - (wrapped ? 2 : 0);
      TreeSet<Integer> ourLines = new TreeSet<>();
      found.stream().filter(Diagnostic::isError).forEach(d -> ourLines.add(d.where().line()));
      String problem = null;
      if (ours != theirs.refused()) {
        problem = name + ": opsbook " + (ours ? "refuses " + summary(found) : "accepts it") + ", varnishd -C "
            + (theirs.refused() ? "refuses it: " + oneLine(theirs.message()) : "accepts it");
      } else {
        verdictAgree++;
        if (theirs.refused()) {
          refused++;
          boolean noLine = line < 0 || "<builtin>".equals(theirs.source());
          if (noLine || ourLines.contains(line)) {
            lineAmong++;
          } else {
            problem = name + ": VCC reports line " + line + " (" + oneLine(theirs.message()) + "), opsbook "
                + summary(found);
          }
          if (noLine || (!ourLines.isEmpty() && ourLines.first() == line)) {
            lineFirst++;
          }
        }
      }
      if (problem != null) {
        (known.containsKey(name) ? tolerated : unexpected).add(problem);
      }
    }
    String report = String.format(Locale.ROOT, "vcl oracle: %d files (%d through gcc); verdict agreement %d/%d;"
        + " varnishd refuses %d, its error line is one of opsbook's errors in %d/%d, opsbook's first error in"
        + " %d/%d", files.size(), gcc, verdictAgree, files.size(), refused, lineAmong, refused, lineFirst, refused);
    System.out.println(report);
    tolerated.forEach(t -> System.out.println("known difference: " + t));
    assertTrue(unexpected.isEmpty(), report + "\nunexpected disagreements:\n" + String.join("\n", unexpected));
  }

  /** A snippet opsbook reads behind vcl 4.1 and a default backend: no vcl line, no backend. */
  static boolean isPasted(String text) {
    return !text.stripLeading().startsWith("vcl") && !text.matches("(?s)(.*\\n)?backend\\s.*");
  }

  private static String summary(List<Diagnostic> found) {
    return found.stream().filter(Diagnostic::isError).map(d -> d.where().line() + ":" + d.rule()).toList().toString();
  }

  private static String oneLine(String s) {
    String[] lines = s.strip().split("\n");
    return lines.length == 0 ? "" : lines[0];
  }

  static List<Path> corpus() throws IOException {
    Path dir = Project.testResource(CORPUS);
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".vcl")).sorted().toList();
    }
  }

  private static Map<String, String> knownDifferences() throws IOException {
    Map<String, String> out = new TreeMap<>();
    Path file = Project.testResource(CORPUS + "/known-differences.txt");
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          int colon = line.indexOf(':');
          out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
      }
    }
    return out;
  }
}

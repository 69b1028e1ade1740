package org.opsbook.checker.vcl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.testing.Project;

/**
 * Differential test against the installed Varnish 7.1: for every VCL of the oracle corpus,
 * opsbook's verdict (any error or none) must be varnishd -C's, and when varnishd refuses it, the
 * line VCC names must be the line of one of opsbook's errors. A snippet without a vcl line that
 * declares no backend goes to varnishd behind the same two lines opsbook reads it behind.
 *
 * <p>By default VCC runs with the C compiler step skipped (the verdict of VCC is the same; gcc
 * takes a second per file), and a fixed set of {@link #WITH_GCC} files also runs through the real
 * {@code varnishd -C} with gcc. {@code -Dvcl.oracle.gcc=all} runs every file through gcc. Known differences, with their reasons, are listed in
 * oracle/known-differences.txt.
 */
@Tag("oracle")
class VclOracleTest {
  private static final String CORPUS = "org/opsbook/checker/vcl/oracle";
  private static final List<String> WITH_GCC = List.of("ok-directors.vcl", "ok-maintenance-switch.vcl",
      "ok-purge-acl.vcl", "ok-long-strings.vcl", "paste-ok-recv.vcl", "bad-unused-acl.vcl", "vcl3-full.vcl",
      "ok-ipv6-acl.vcl");

  @Test
  void verdictsAndErrorLinesAgreeWithVarnishdC() throws Exception {
    String reason = RealVarnish.unavailableReason();
    Assumptions.assumeTrue(reason == null, reason);
    try (RealVarnish first = RealVarnish.open(); RealVarnish second = RealVarnish.open()) {
      compare(List.of(first, second));
    }
  }

  private void compare(List<RealVarnish> varnishes) throws Exception {
    boolean allWithGcc = "all".equals(System.getProperty("vcl.oracle.gcc"));
    Map<String, String> known = knownDifferences();
    List<Path> files = corpus();
    assertTrue(files.size() >= 120, "the oracle corpus should hold at least 120 VCL files, has " + files.size());
    List<String> texts = new ArrayList<>();
    List<Boolean> gcc = new ArrayList<>();
    for (Path f : files) {
      texts.add(Files.readString(f, StandardCharsets.UTF_8));
      gcc.add(allWithGcc || WITH_GCC.contains(f.getFileName().toString()));
    }
    List<RealVarnish.Verdict> verdicts = Agreement.verdicts(varnishes, texts, gcc);
    Agreement tally = new Agreement();
    List<String> unexpected = new ArrayList<>();
    List<String> tolerated = new ArrayList<>();
    for (int k = 0; k < files.size(); k++) {
      String name = files.get(k).getFileName().toString();
      String problem = tally.compare(name, texts.get(k), verdicts.get(k));
      if (problem != null) {
        (known.containsKey(name) ? tolerated : unexpected).add(problem);
      }
    }
    String report = tally.report("vcl oracle: " + files.size() + " files ("
        + gcc.stream().filter(b -> b).count() + " through gcc)");
    System.out.println(report);
    tolerated.forEach(t -> System.out.println("known difference: " + t));
    tally.notFirst.forEach(n -> System.out.println("opsbook reports an earlier error: " + n));
    assertTrue(unexpected.isEmpty(), report + "\nunexpected disagreements:\n" + String.join("\n", unexpected));
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

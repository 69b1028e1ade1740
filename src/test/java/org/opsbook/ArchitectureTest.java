package org.opsbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opsbook.testing.MiniSite;

/**
 * The rules of the code's layout that the compiler does not check: packages depend on each other
 * one way, flexmark stays in the markdown stage, and only the command line talks to the process
 * (the environment, standard output and error).
 */
class ArchitectureTest {
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern REFERENCE = Pattern.compile("\\b(org\\.opsbook(?:\\.[a-z]\\w*)+)\\.(?:[A-Z]|\\*)");

  private final Path sources = MiniSite.repositoryRoot().resolve("src/main/java");

  private Map<Path, String> files() throws IOException {
    Map<Path, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(sources)) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
        out.put(p, Files.readString(p));
      }
    }
    return out;
  }

  /**
   * Stages and checkers use each other one way. A checker counts as one unit with the packages
   * under it: its parser and rules share its rule catalogue, and how a checker layers itself inside
   * is its own affair.
   */
  @Test
  void noStageOrCheckerDependsOnItselfThroughOthers() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    for (String text : files().values()) {
      Matcher p = PACKAGE.matcher(text);
      if (!p.find()) {
        continue;
      }
      String unit = unit(p.group(1));
      Set<String> used = uses.computeIfAbsent(unit, k -> new TreeSet<>());
      Matcher r = REFERENCE.matcher(text);
      while (r.find()) {
        String other = unit(r.group(1));
        if (!other.equals(unit)) {
          used.add(other);
        }
      }
    }
    assertEquals(List.of(), cycles(uses), "package cycles");
  }

  /** {@code org.opsbook.checker.nginx.rules} belongs to {@code org.opsbook.checker.nginx}; stages are themselves. */
  private static String unit(String pkg) {
    String checkers = "org.opsbook.checker.";
    if (!pkg.startsWith(checkers)) {
      return pkg;
    }
    int dot = pkg.indexOf('.', checkers.length());
    return dot < 0 ? pkg : pkg.substring(0, dot);
  }

  @Test
  void theCycleSearchFindsLoopsThroughSeveralPackagesAndIgnoresOneWayUse() {
    Map<String, Set<String>> uses = new TreeMap<>();
    uses.put("a", Set.of("b"));
    uses.put("b", Set.of("c", "d"));
    uses.put("c", Set.of("a"));
    uses.put("d", Set.of("e"));
    uses.put("e", Set.of());
    assertEquals(List.of(Set.of("a", "b", "c")), cycles(uses));
  }

  @Test
  void flexmarkStaysInTheMarkdownStage() throws IOException {
    List<String> outside = new ArrayList<>();
    files().forEach((path, text) -> {
      if (text.contains("com.vladsch.flexmark") && !path.getParent().endsWith("org/opsbook/markdown")) {
        outside.add(sources.relativize(path).toString());
      }
    });
    assertEquals(List.of(), outside);
  }

  @Test
  void onlyTheCommandLineReadsTheEnvironmentOrPrints() throws IOException {
    List<String> outside = new ArrayList<>();
    files().forEach((path, text) -> {
      String rel = sources.relativize(path).toString().replace('\\', '/');
      // doctor looks for programs on PATH, which is its job, not a switch.
      boolean allowed = rel.startsWith("org/opsbook/cli/") || rel.equals("org/opsbook/doctor/Doctor.java");
      if (!allowed && (text.contains("System.err") || text.contains("System.out") || text.contains("System.getenv"))) {
        outside.add(rel);
      }
    });
    assertEquals(List.of(), outside);
  }

  /** Strongly connected components of more than one package (Tarjan), each sorted. */
  private static List<Set<String>> cycles(Map<String, Set<String>> uses) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> found = new ArrayList<>();
    for (String v : uses.keySet()) {
      if (!index.containsKey(v)) {
        connect(v, uses, index, low, stack, onStack, found);
      }
    }
    return found;
  }

  private static void connect(String v, Map<String, Set<String>> uses, Map<String, Integer> index,
      Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> found) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : uses.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, uses, index, low, stack, onStack, found);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        found.add(component);
      }
    }
  }
}

package org.opsbook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opsbook.diag.Diagnostic;
import org.opsbook.snippet.TestBlockParser;
import org.opsbook.testing.Project;
import org.opsbook.testing.RuleInput;
import org.opsbook.testing.RuleInputs;

/**
 * What every registered checker promises, whatever its language, checked over its rule inputs,
 * its fuzz corpora (files in any {@code fuzz/} or {@code *Inputs/} folder below its package's test
 * resources) and cut-short versions of them:
 *
 * <ul>
 *   <li>it never throws: bad input is a diagnostic, from check, tests and queries alike;
 *   <li>highlight tokens are in order, do not overlap and stay within the text;
 *   <li>every rule it reports is one it declares, at the severity it declares;
 *   <li>the same input gives the same diagnostics;
 *   <li>a neutral block put first (its package's {@code contract/neutral-prefix}, where there is
 *       one) changes no finding but moves it down: no rule loses track after a construct it skips.
 *       An input about the start of a file, where anything put first changes the meaning, says so
 *       with a line {@code # contract: top-of-file}.
 * </ul>
 */
class CheckerContractTest {
  private static final CheckerRegistry REGISTRY = CheckerRegistry.load();
  /** Marks a rule input about the start of a file, which no prefix can leave unchanged. */
  private static final String TOP_OF_FILE = "# contract: top-of-file";

  @TestFactory
  Stream<DynamicTest> neverThrowsAndReportsOnlyDeclaredRulesAtTheirSeverity() {
    return RuleInputsTest.registeredCheckers().stream().map(checker -> DynamicTest.dynamicTest(checker.id(), () -> {
      Map<String, RuleInfo> declared = new TreeMap<>();
      checker.rules().forEach(r -> declared.put(r.id().value(), r));
      CoreRules.ALL.forEach(r -> declared.putIfAbsent(r.id().value(), r));
      int checked = 0;
      for (Input input : inputs(checker)) {
        for (String language : checker.languages()) {
          Snippet snippet = Snippet.of(language, input.text(), input.name(), Map.of("id", "s"));
          List<Diagnostic> first = call(checker, input, "check", () -> checker.check(snippet, CheckContext.empty()));
          List<Diagnostic> second = call(checker, input, "check", () -> checker.check(snippet, CheckContext.empty()));
          assertEquals(first, second, checker.id() + " is not deterministic on " + input.name());
          for (Diagnostic d : first) {
            RuleInfo rule = declared.get(d.rule().value());
            assertNotNull(rule, checker.id() + " reported undeclared rule " + d.rule() + " on " + input.name());
            assertEquals(rule.severity(), d.severity(), d.rule() + " reported at another severity than declared");
          }
          List<HighlightToken> tokens = call(checker, input, "highlight", () -> checker.highlight(input.text(), language));
          int end = 0;
          for (HighlightToken t : tokens) {
            assertTrue(t.start() >= end && t.end() <= input.text().length() && t.start() < t.end(),
                checker.id() + " highlight token " + t + " out of order or range on " + input.name());
            end = t.end();
          }
          TestBlock block = TestBlockParser.parse(Snippet.of("test", "a => b\n" + input.firstLine() + " => x\n",
              input.name(), Map.of("for", "s"))).block();
          call(checker, input, "runTests", () -> checker.runTests(snippet, block, CheckContext.empty()));
          call(checker, input, "query", () -> checker.query(snippet, input.firstLine(), CheckContext.empty()));
          checked++;
        }
      }
      assertTrue(checked > 0, checker.id() + " has no rule inputs or fuzz corpus to hold to its contract");
    }));
  }

  @TestFactory
  Stream<DynamicTest> aNeutralBlockFirstMovesFindingsDownAndChangesNothingElse() {
    return RuleInputsTest.registeredCheckers().stream().flatMap(checker -> {
      Optional<String> prefix = neutralPrefix(checker);
      if (prefix.isEmpty()) {
        return Stream.empty();
      }
      return RuleInputs.of(checker).stream().filter(input -> !input.text().contains(TOP_OF_FILE))
          .map(input -> DynamicTest.dynamicTest(checker.id() + " " + input.name(), () -> {
        int shift = (int) prefix.get().chars().filter(c -> c == '\n').count();
        SortedMap<String, SortedSet<String>> plain = input.found(checker.check(input.snippet(), input.context()));
        RuleInput prefixed = new RuleInput(input.name(), prefix.get() + input.text(), input.language(),
            input.attributes(), input.options(), input.expected(), input.now(), input.files());
        SortedMap<String, SortedSet<String>> moved = new TreeMap<>();
        prefixed.found(checker.check(prefixed.snippet(), prefixed.context())).forEach((place, rules) -> {
          if (place.startsWith("line ")) {
            int line = Integer.parseInt(place.substring(5)) - shift;
            if (line >= 1) {
              moved.put("line " + line, rules);
            }
          } else {
            moved.put(place, rules);
          }
        });
        assertEquals(plain, moved, input.name() + " with " + checker.id() + "'s neutral block first");
      }));
    });
  }

  private record Input(String name, String text) {
    String firstLine() {
      int nl = text.indexOf('\n');
      return nl < 0 ? text : text.substring(0, nl);
    }
  }

  private static <T> T call(Checker checker, Input input, String what, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      fail(checker.id() + "." + what + " threw on " + input.name() + ": " + e, e);
      throw new AssertionError(e);
    }
  }

  /** Rule inputs and fuzz corpora, each whole and cut short after a third and two thirds of its lines. */
  private static List<Input> inputs(Checker checker) {
    List<Input> whole = new ArrayList<>();
    for (RuleInput r : RuleInputs.of(checker)) {
      whole.add(new Input(r.name(), r.text()));
    }
    Path base = Project.testResource(checker.getClass().getPackageName().replace('.', '/'));
    if (Files.isDirectory(base)) {
      try (Stream<Path> files = Files.walk(base)) {
        files.filter(Files::isRegularFile).filter(CheckerContractTest::inCorpus).sorted()
            .forEach(p -> whole.add(new Input(base.relativize(p).toString(), lenient(p))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<Input> all = new ArrayList<>(whole);
    for (Input in : whole) {
      String[] lines = in.text().split("\n", -1);
      for (int cut : new int[] {lines.length / 3, 2 * lines.length / 3}) {
        if (cut > 0 && cut < lines.length) {
          all.add(new Input(in.name() + " (first " + cut + " lines)", String.join("\n", List.of(lines).subList(0, cut))));
        }
      }
    }
    return all;
  }

  private static boolean inCorpus(Path p) {
    for (Path part : p) {
      String name = part.toString();
      if (name.equals("fuzz") || name.endsWith("Inputs")) {
        return true;
      }
    }
    return false;
  }

  /** Corpus files are bytes a fuzzer made: read as UTF-8, with bad sequences replaced. */
  private static String lenient(Path p) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p)))
          .toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> neutralPrefix(Checker checker) {
    Path file = Project.testResource(checker.getClass().getPackageName().replace('.', '/') + "/contract/neutral-prefix");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return Optional.of(text.endsWith("\n") ? text : text + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.opsbook.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A short, deterministic fuzz run of every {@code *FuzzTest} target, part of every {@code mvn
 * verify}: each target gets its corpus (the Jazzer regression inputs under {@code
 * src/test/resources/<package>/<Class>Inputs/<method>/}) and then {@value #DEFAULT_RUNS} inputs made
 * from it by seeded random mutation (byte flips, insertions of syntax tokens, splices, and long
 * repetitions of a fragment, which find stack overflows and quadratic work). The same seed gives
 * the same inputs on every machine, so a failure here reproduces; coverage-guided fuzzing with
 * Jazzer runs under {@code mvn verify -Pfuzz}.
 *
 * <p>An input that throws, or takes longer than {@value #SLOW_SECONDS} s, is saved under {@code
 * target/fuzz-findings/} and fails the test; copy it into the target's corpus folder to keep it as a
 * regression input once fixed. {@code -Dopsbook.fuzz.runs=N} changes the number of inputs, {@code
 * -Dopsbook.fuzz.slow-seconds=S} what counts as too slow.
 */
class SeededFuzzRunTest {
  private static final int DEFAULT_RUNS = 100;
  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
  private static final long SEED = 0x0b5b00cL;
  private static final int MAX_INPUT = 16 * 1024;
  private static final int SLOW_SECONDS = 20;
  private static final String[] TOKENS = {
    "\n", "\r\n", "\r", "\t", " ", "  ", "    ", "---\n", "```", "~~~", "```sshd_config {file=/etc/x id=a}\n",
    "```test for=a\n", "<!-- opsbook: file=. -->\n", "<!--", "-->", "[a](", "](", "![", "[x]: ", ")", "(", "<", ">",
    "<a href=\"", "<img src=", "javascript:", "JaVa\tScRiPt:", "&#106;", "&colon;", "data:", "//", "../", "..", "/.",
    "\\", "\"", "'", "`", "*", "_", "~~", "#", "- ", "1. ", "> ", "| a |\n|---|\n", "=>", "{", "}", "=", ",", ":",
    "title: ", "date: ", "aliases: [", "tags: [", "base_url: ", "markdown:\n  raw_html: ", "&", ";", "%", "$", "@",
    "\u0000", "\u001b[2J", "\u202e", "\ufeff", "\ud83d\ude00", "\u00e9", "9999999999999999999", "-1", "0x",
  };

  @Test
  void everyFuzzTargetSurvivesASeededRunOfMutatedInputs() throws Exception {
    int runs = Integer.getInteger("opsbook.fuzz.runs", DEFAULT_RUNS);
    Path classes = Path.of(SeededFuzzRunTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> findings = new ArrayList<>();
    List<String> summary = new ArrayList<>();
    long total = 0;
    for (Method target : targets(classes)) {
      Class<?> owner = target.getDeclaringClass();
      Constructor<?> constructor = owner.getDeclaredConstructor();
      constructor.setAccessible(true);
      Object instance = constructor.newInstance();
      target.setAccessible(true);
      List<byte[]> corpus = corpus(owner, target);
      Random random = new Random(SEED ^ (owner.getName() + "#" + target.getName()).hashCode());
      int tried = 0;
      int failed = 0;
      long started = System.nanoTime();
      long cpu = CPU.getCurrentThreadCpuTime();
      for (int i = 0; i < corpus.size() + runs; i++) {
        byte[] input = i < corpus.size() ? corpus.get(i) : mutate(corpus, random);
        tried++;
        String problem = run(target, instance, input);
        if (problem != null) {
          failed++;
          findings.add(owner.getSimpleName() + "." + target.getName() + ": " + problem + " (saved as "
              + save(owner, target, input) + ")");
          if (failed >= 3) {
            break; // the same bug tends to repeat; three examples are enough
          }
        }
      }
      total += tried;
      summary.add(String.format(Locale.ROOT, "%s.%s: %d inputs (%d from the corpus), %d failed, %d ms (%d ms CPU)",
          owner.getSimpleName(), target.getName(), tried, corpus.size(), failed, (System.nanoTime() - started) / 1_000_000,
          (CPU.getCurrentThreadCpuTime() - cpu) / 1_000_000));
    }
    System.out.println("seeded fuzz run, " + total + " inputs:\n  " + String.join("\n  ", summary));
    assertFalse(summary.isEmpty(), "no *FuzzTest targets found under " + classes);
    assertEquals(List.of(), findings);
  }

  /** Runs one input; returns what went wrong, or null. */
  private static String run(Method target, Object instance, byte[] input) {
    long start = System.nanoTime();
    try {
      target.invoke(instance, (Object) input);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      return cause.getClass().getSimpleName() + ": " + firstLine(String.valueOf(cause.getMessage()));
    } catch (IllegalAccessException e) {
      return e.toString();
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    return seconds >= Integer.getInteger("opsbook.fuzz.slow-seconds", SLOW_SECONDS)
        ? "took " + seconds + " s on a " + input.length + "-byte input" : null;
  }

  private static byte[] mutate(List<byte[]> corpus, Random random) {
    byte[] base = corpus.get(random.nextInt(corpus.size()));
    StringBuilder text = new StringBuilder(new String(base, StandardCharsets.UTF_8));
    int steps = 1 + random.nextInt(4);
    for (int s = 0; s < steps; s++) {
      int at = text.length() == 0 ? 0 : random.nextInt(text.length() + 1);
      switch (random.nextInt(7)) {
        case 0, 1 -> text.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
        case 2 -> {
          if (text.length() > 0) {
            int end = Math.min(text.length(), at + 1 + random.nextInt(16));
            text.delete(Math.min(at, text.length() - 1), end);
          }
        }
        case 3 -> {
          if (text.length() > 0) {
            text.setCharAt(Math.min(at, text.length() - 1), (char) random.nextInt(0x80));
          }
        }
        case 4 -> {
          byte[] other = corpus.get(random.nextInt(corpus.size()));
          String o = new String(other, StandardCharsets.UTF_8);
          int from = o.isEmpty() ? 0 : random.nextInt(o.length());
          text.insert(at, o, from, Math.min(o.length(), from + 1 + random.nextInt(200)));
        }
        case 5 -> {
          // A fragment repeated hundreds or thousands of times: deep nesting, long runs, big inputs.
          String unit = TOKENS[random.nextInt(TOKENS.length)] + (random.nextBoolean() ? TOKENS[random.nextInt(TOKENS.length)] : "");
          text.insert(at, unit.repeat(100 + random.nextInt(1000)));
        }
        default -> text.insert(at, (char) (0x20 + random.nextInt(0x5f)));
      }
    }
    byte[] out = text.toString().getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(20) == 0 && out.length > 0) {
      out[random.nextInt(out.length)] = (byte) random.nextInt(256); // not always valid UTF-8
    }
    return out.length > MAX_INPUT ? java.util.Arrays.copyOf(out, MAX_INPUT) : out;
  }

  /** Every method annotated {@code @FuzzTest} taking {@code byte[]}, in classes named {@code *FuzzTest}. */
  private static List<Method> targets(Path classes) throws IOException, ClassNotFoundException {
    List<Method> methods = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.getFileName().toString().endsWith("FuzzTest.class")).sorted().toList();
    }
    for (Path file : files) {
      String name = classes.relativize(file).toString().replace('/', '.').replace('\\', '.');
      Class<?> c = Class.forName(name.substring(0, name.length() - ".class".length()));
      for (Method m : c.getDeclaredMethods()) {
        if (m.isAnnotationPresent(FuzzTest.class) && m.getParameterCount() == 1 && m.getParameterTypes()[0] == byte[].class) {
          methods.add(m);
        }
      }
    }
    methods.sort(java.util.Comparator.comparing(m -> m.getDeclaringClass().getName() + "#" + m.getName()));
    return methods;
  }

  /** The target's Jazzer corpus, plus the empty input. */
  private static List<byte[]> corpus(Class<?> owner, Method target) throws IOException {
    List<byte[]> inputs = new ArrayList<>();
    inputs.add(new byte[0]);
    Path dir = Project.testResource(owner.getPackageName().replace('.', '/') + "/" + owner.getSimpleName() + "Inputs/"
        + target.getName());
    if (Files.isDirectory(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          inputs.add(Files.readAllBytes(p));
        }
      }
    }
    return inputs;
  }

  private static String save(Class<?> owner, Method target, byte[] input) {
    try {
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(input));
      Path dir = Project.root().resolve("target/fuzz-findings/" + owner.getSimpleName() + "/" + target.getName());
      Files.createDirectories(dir);
      Path file = dir.resolve("crash-" + hash);
      Files.write(file, input);
      return Project.root().relativize(file).toString();
    } catch (IOException | NoSuchAlgorithmException e) {
      return "(not saved: " + e.getMessage() + ")";
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}

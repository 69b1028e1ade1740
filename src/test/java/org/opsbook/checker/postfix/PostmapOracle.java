package org.opsbook.checker.postfix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the real {@code postmap -q} against a table file, with a private config directory. */
final class PostmapOracle implements AutoCloseable {
  /** What postmap printed and how it exited. */
  record Answer(String stdout, String stderr, int exit) {
    boolean found() {
      return exit == 0;
    }

    /** The table lines of the warnings postmap printed while looking the key up. */
    TreeSet<Integer> warnedLines() {
      return lines(stderr);
    }
  }

  private static final Pattern WARNED_LINE = Pattern.compile("map [^,]+, line (\\d+):");
  /** dict_utf8.c: {@code pcre:T: key "K": non-UTF-8 value "V": ...}, before postmap's fatal query error. */
  private static final Pattern NON_UTF8_KEY = Pattern.compile(": key \"(.*)\": non-UTF-8 value");

  private final Path configDir;

  private PostmapOracle(Path configDir) {
    this.configDir = configDir;
  }

  static boolean available() {
    for (String dir : new String[] {"/usr/sbin", "/usr/bin", "/sbin", "/bin"}) {
      if (Files.isExecutable(Path.of(dir, "postmap"))) {
        return true;
      }
    }
    return false;
  }

  /** A minimal main.cf in a temp dir: no mail system is started, postmap only reads tables. */
  static PostmapOracle start() throws IOException {
    Path dir = Files.createTempDirectory("ob-postfix-postmap");
    Files.writeString(dir.resolve("main.cf"), "compatibility_level = 3.6\n", StandardCharsets.UTF_8);
    return new PostmapOracle(dir);
  }

  Path configDir() {
    return configDir;
  }

  /** Whether postmap can open a map of this type (postfix-pcre installs pcre:). */
  boolean supports(String mapType) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("postconf", "-c", configDir.toString(), "-m").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out.lines().anyMatch(mapType::equals);
  }

  Answer query(String mapType, Path table, String key) throws IOException, InterruptedException {
    return run(List.of("postmap", "-c", configDir.toString(), "-q", key, mapType + ":" + table.toAbsolutePath()), null);
  }

  /**
   * The table lines postmap warns about when it opens the table. postmap opens it for the first
   * key, so one key goes in: "0", too short to make any pattern hit a match limit.
   */
  TreeSet<Integer> openWarnings(String mapType, Path table) throws IOException, InterruptedException {
    return run(List.of("postmap", "-c", configDir.toString(), "-q", "-", mapType + ":" + table.toAbsolutePath()),
        "0\n".getBytes(StandardCharsets.US_ASCII)).warnedLines();
  }

  /**
   * Looks every key up: those of printable characters in {@code postmap -q -} runs (which print
   * {@code key<TAB>value} for each key found, in input order), the others one by one. A non-UTF-8
   * value ends a run with a fatal error that loses the buffered output (postmap names the key in
   * its warning): that key is not found, and the others run again. When lookups log warnings with
   * table lines (a match limit), each key runs on its own, so that every answer carries its own
   * warnings.
   */
  Map<String, Answer> queryAll(String mapType, Path table, List<String> keys) throws IOException, InterruptedException {
    Map<String, Answer> out = new LinkedHashMap<>();
    // Keys with control characters go one by one: postmap may print them otherwise in its output.
    List<String> batch = keys.stream().filter(k -> k.chars().allMatch(c -> c >= 0x20 && c != 0x7f)).distinct().toList();
    TreeSet<Integer> open = openWarnings(mapType, table);
    List<String> todo = batch;
    while (!todo.isEmpty()) {
      StringBuilder input = new StringBuilder();
      todo.forEach(k -> input.append(k).append('\n'));
      Answer all = run(List.of("postmap", "-c", configDir.toString(), "-q", "-", mapType + ":" + table.toAbsolutePath()),
          input.toString().getBytes(StandardCharsets.UTF_8));
      if (!all.warnedLines().equals(open)) {
        break; // lookups logged warnings of their own: one by one below
      }
      String[] lines = all.stdout().split("\n", -1);
      Matcher bad = NON_UTF8_KEY.matcher(all.stderr());
      if (all.stderr().contains("fatal:")) {
        if (!bad.find() || !todo.contains(bad.group(1))) {
          throw new IOException("postmap ended early: " + all.stderr());
        }
        // The fatal error lost postmap's buffered output: this key is answered, the others go again.
        String fatalKey = bad.group(1);
        out.put(fatalKey, new Answer("", all.stderr(), 1));
        todo = todo.stream().filter(k -> !k.equals(fatalKey)).toList();
        continue;
      }
      int next = 0;
      for (String key : todo) {
        if (next < lines.length && lines[next].startsWith(key + "\t")) {
          out.put(key, new Answer(lines[next].substring(key.length() + 1) + "\n", "", 0));
          next++;
        } else {
          out.put(key, new Answer("", "", 1));
        }
      }
      todo = List.of();
    }
    for (String key : keys) {
      if (!out.containsKey(key)) {
        out.put(key, query(mapType, table, key));
      }
    }
    return out;
  }

  private Answer run(List<String> command, byte[] stdin) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    Path input = null;
    if (stdin != null) {
      input = Files.createTempFile(configDir, "keys", ".txt");
      Files.write(input, stdin);
      pb.redirectInput(input.toFile());
    }
    Path err = Files.createTempFile(configDir, "stderr", ".txt");
    pb.redirectError(err.toFile());
    try {
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("postmap did not finish: " + command);
      }
      return new Answer(new String(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
          p.exitValue());
    } finally {
      Files.deleteIfExists(err);
      if (input != null) {
        Files.deleteIfExists(input);
      }
    }
  }

  private static TreeSet<Integer> lines(String stderr) {
    TreeSet<Integer> lines = new TreeSet<>();
    Matcher w = WARNED_LINE.matcher(stderr);
    while (w.find()) {
      lines.add(Integer.parseInt(w.group(1)));
    }
    return lines;
  }

  @Override
  public void close() throws IOException {
    try (var files = Files.list(configDir)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(configDir);
  }
}

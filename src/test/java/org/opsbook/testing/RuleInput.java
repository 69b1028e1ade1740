package org.opsbook.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Checker;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

/**
 * One rule-input file: a config in the checker's language whose {@code #} comments say what the
 * checker must find in it. The format, for every checker:
 *
 * <pre>
 * # language: sshd_config          the fence language; the checker's first one by default
 * # snippet: fragment strict        snippet attributes, as in an info string
 * # option: version=8.4             a checker option (checkers.ID.version in opsbook.yaml)
 * # now: 2026-03-14T00:00:00Z       the build's clock (CheckContext.now()); the epoch by default
 * ...
 * # file: /etc/ssh/sshd_config.d/10-x.conf   the lines after it are another file of the article,
 *                                    a snippet with that file= path (optionally a language after
 *                                    the path) that an include can find; '# expect:' there names
 *                                    findings at PATH:N, N counted from the line after '# file:'
 * # expect-file: sshd.missing-access-list    found for the snippet as a whole (its fence)
 * # expect: sshd.weak-cipher, sshd.weak-mac  found on the next line that is not blank or a comment
 * Ciphers aes128-cbc
 * </pre>
 *
 * Every finding, whatever its severity, info included, must be announced, and every announced
 * rule must be found on its line: the file is the single copy of the truth.
 *
 * @param name the file's path below its checker's {@code rules/} folder
 * @param expected rule IDs by place: {@code "file"} for the fence, {@code "line N"} for a line of
 *     the text, {@code "PATH:N"} for a line of another file (an included one)
 */
public record RuleInput(String name, String text, String language, Map<String, String> attributes,
    Map<String, String> options, SortedMap<String, SortedSet<String>> expected, Instant now,
    List<IncludedFile> files) {

  /** The fence is line 1 of this made-up Markdown file; the text starts on line 2. */
  private static final int FIRST_LINE = 2;

  /** Another file of the input's article: a snippet with a {@code file=} path. */
  public record IncludedFile(String path, String language, String text) {}

  public RuleInput {
    attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    options = Collections.unmodifiableMap(new TreeMap<>(options));
    files = List.copyOf(files);
  }

  /** An input checked at {@link CheckContext#EPOCH}, with no other files. */
  public RuleInput(String name, String text, String language, Map<String, String> attributes,
      Map<String, String> options, SortedMap<String, SortedSet<String>> expected) {
    this(name, text, language, attributes, options, expected, CheckContext.EPOCH, List.of());
  }

  public static RuleInput read(Path file, String name, Checker checker) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String language = checker.languages().get(0);
    Map<String, String> attributes = new TreeMap<>();
    Map<String, String> options = new TreeMap<>();
    SortedMap<String, SortedSet<String>> expected = new TreeMap<>();
    SortedSet<String> pending = new TreeSet<>();
    Instant now = CheckContext.EPOCH;
    List<IncludedFile> files = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    int mainLines = lines.length;
    String section = null;
    String sectionLanguage = null;
    int sectionStart = 0;
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.startsWith("# file:")) {
        if (!pending.isEmpty()) {
          throw new IllegalArgumentException(name + ": '# expect:' " + pending + " is followed by no line to expect it on");
        }
        if (section == null) {
          mainLines = i;
        } else {
          files.add(new IncludedFile(section, sectionLanguage, join(lines, sectionStart, i)));
        }
        String[] words = l.substring("# file:".length()).strip().split("\\s+");
        section = words[0];
        sectionLanguage = words.length > 1 ? words[1] : null;
        sectionStart = i + 1;
        continue;
      }
      if (section != null) {
        if (l.startsWith("# expect:")) {
          pending.addAll(ids(l.substring("# expect:".length())));
        } else if (!l.isEmpty() && !l.startsWith("#") && !pending.isEmpty()) {
          expected.computeIfAbsent(section + ":" + (i - sectionStart + 1), k -> new TreeSet<>()).addAll(pending);
          pending.clear();
        }
        continue;
      }
      if (l.startsWith("# language:")) {
        language = l.substring("# language:".length()).strip();
      } else if (l.startsWith("# snippet:")) {
        for (String word : l.substring("# snippet:".length()).strip().split("\\s+")) {
          int eq = word.indexOf('=');
          attributes.put(eq < 0 ? word : word.substring(0, eq), eq < 0 ? "true" : word.substring(eq + 1));
        }
      } else if (l.startsWith("# option:")) {
        String kv = l.substring("# option:".length()).strip();
        int eq = kv.indexOf('=');
        options.put(checker.id() + "." + kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
      } else if (l.startsWith("# now:")) {
        now = Instant.parse(l.substring("# now:".length()).strip());
      } else if (l.startsWith("# expect-file:")) {
        expected.computeIfAbsent("file", k -> new TreeSet<>()).addAll(ids(l.substring("# expect-file:".length())));
      } else if (l.startsWith("# expect:")) {
        pending.addAll(ids(l.substring("# expect:".length())));
      } else if (!l.isEmpty() && !l.startsWith("#") && !pending.isEmpty()) {
        expected.computeIfAbsent("line " + (i + 1), k -> new TreeSet<>()).addAll(pending);
        pending.clear();
      }
    }
    if (!pending.isEmpty()) {
      throw new IllegalArgumentException(name + ": '# expect:' " + pending + " is followed by no line to expect it on");
    }
    if (section != null) {
      files.add(new IncludedFile(section, sectionLanguage, join(lines, sectionStart, lines.length)));
    }
    String main = section == null ? text : join(lines, 0, mainLines);
    String fileLanguage = language;
    files.replaceAll(f -> f.language() == null ? new IncludedFile(f.path(), fileLanguage, f.text()) : f);
    return new RuleInput(name, main, language, attributes, options, expected, now, files);
  }

  private static String join(String[] lines, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      b.append(lines[i]).append('\n');
    }
    return b.toString();
  }

  private static List<String> ids(String list) {
    return java.util.stream.Stream.of(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** The input as a snippet in a Markdown file named after it, its fence on line 1. */
  public Snippet snippet() {
    return new Snippet(language, text, new SourceSpan(name, FIRST_LINE, 1), 0, new TreeMap<>(attributes),
        new SourceSpan(name, 1, 1));
  }

  public CheckContext context() {
    CheckContext context = CheckContext.of(options).withNow(now);
    if (files.isEmpty()) {
      return context;
    }
    List<Snippet> snippets = new ArrayList<>();
    for (IncludedFile f : files) {
      SourceSpan start = new SourceSpan(f.path(), 1, 1);
      snippets.add(new Snippet(f.language(), f.text(), start, 0, new TreeMap<>(Map.of("file", f.path())), start));
    }
    return context.withFiles(IncludedFiles.ofSnippets(snippets));
  }

  /** Findings grouped as {@link #expected()} is. */
  public SortedMap<String, SortedSet<String>> found(List<Diagnostic> diagnostics) {
    SortedMap<String, SortedSet<String>> found = new TreeMap<>();
    for (Diagnostic d : diagnostics) {
      found.computeIfAbsent(place(d.where()), k -> new TreeSet<>()).add(d.rule().value());
    }
    return found;
  }

  private String place(SourceSpan where) {
    if (!where.file().equals(name)) {
      return where.file() + ":" + where.line();
    }
    return where.line() == 1 ? "file" : "line " + (where.line() - FIRST_LINE + 1);
  }
}

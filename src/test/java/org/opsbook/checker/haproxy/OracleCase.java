package org.opsbook.checker.haproxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.opsbook.check.CheckContext;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.checker.haproxy.syntax.HaproxyParser;
import org.opsbook.checker.haproxy.validate.Wrapping;
import org.opsbook.diag.SourceSpan;
import org.opsbook.testing.Project;

/**
 * One snippet of the differential corpus: its text and the files it names (errorfiles, pages,
 * maps), each after a line {@code # file: /absolute/path}. The snippet is read by opsbook and by
 * {@code haproxy -c} under the same wrapping.
 */
record OracleCase(String name, String text, Map<String, String> files) {

  static final Path DIR = Project.testResource("org/opsbook/checker/haproxy/oracle/corpus");

  static List<OracleCase> all() {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".cfg")).sorted().map(OracleCase::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OracleCase read(Path p) {
    String all;
    try {
      all = Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = p.getFileName().toString().replaceFirst("\\.cfg$", "");
    Map<String, StringBuilder> parts = new LinkedHashMap<>();
    StringBuilder main = new StringBuilder();
    StringBuilder cur = main;
    for (String line : all.split("(?<=\n)")) {
      if (line.startsWith("# file: ")) {
        cur = new StringBuilder();
        parts.put(line.substring(8).strip(), cur);
        continue;
      }
      cur.append(line);
    }
    Map<String, String> files = new LinkedHashMap<>();
    parts.forEach((path, body) -> files.put(path, body.toString()));
    return new OracleCase(name, main.toString(), files);
  }

  Snippet snippet() {
    SourceSpan start = new SourceSpan(name + ".cfg", 1, 1);
    return new Snippet("haproxy", text, start, 0, new TreeMap<>(), start);
  }

  CheckContext checkContext() {
    List<Snippet> snippets = new ArrayList<>();
    files.forEach((path, body) -> {
      SourceSpan start = new SourceSpan(path, 1, 1);
      snippets.add(new Snippet("text", body, start, 0, new TreeMap<>(Map.of("file", path)), start));
    });
    return CheckContext.empty().withFiles(IncludedFiles.ofSnippets(snippets));
  }

  /** Whether opsbook reads the snippet after its wrapper, so haproxy must too. */
  boolean wrapped() {
    return Wrapping.needsWrapper(HaproxyParser.parse(text, name, 0).sections());
  }
}

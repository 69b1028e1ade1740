package org.opsbook.checker.nginx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.opsbook.check.CheckContext;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.checker.nginx.model.Wrap;
import org.opsbook.checker.nginx.syntax.NginxParser;
import org.opsbook.checker.nginx.validate.Includes;
import org.opsbook.checker.nginx.validate.Wrapping;
import org.opsbook.diag.SourceSpan;
import org.opsbook.testing.Project;

/**
 * One snippet of the differential corpus: its text, the files it may include, and the wrap that
 * both opsbook and the real nginx read it in.
 */
record OracleCase(String name, String text, Map<String, String> files, Optional<String> context) {

  static final Path DIR = Project.testResource("org/opsbook/checker/nginx/oracle/corpus");

  static List<OracleCase> all() {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".conf")).sorted().map(OracleCase::read).toList();
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
    String name = p.getFileName().toString().replaceFirst("\\.conf$", "");
    Map<String, StringBuilder> parts = new LinkedHashMap<>();
    StringBuilder main = new StringBuilder();
    StringBuilder cur = main;
    Optional<String> context = Optional.empty();
    for (String line : all.split("(?<=\n)")) {
      if (line.startsWith("# file: ")) {
        cur = new StringBuilder();
        parts.put(line.substring(8).strip(), cur);
        continue;
      }
      if (cur == main && line.startsWith("# context: ")) {
        context = Optional.of(line.substring(11).strip());
      }
      cur.append(line);
    }
    Map<String, String> files = new LinkedHashMap<>();
    parts.forEach((path, body) -> files.put(path, body.toString()));
    return new OracleCase(name, main.toString(), files, context);
  }

  Snippet snippet() {
    TreeMap<String, String> attrs = new TreeMap<>();
    context.ifPresent(c -> attrs.put("context", c));
    SourceSpan start = new SourceSpan(name + ".conf", 1, 1);
    return new Snippet("nginx", text, start, 0, attrs, start);
  }

  CheckContext checkContext() {
    List<Snippet> snippets = new ArrayList<>();
    files.forEach((path, body) -> {
      SourceSpan start = new SourceSpan(path, 1, 1);
      snippets.add(new Snippet("nginx", body, start, 0, new TreeMap<>(Map.of("file", path)), start));
    });
    return CheckContext.empty().withFiles(IncludedFiles.ofSnippets(snippets));
  }

  /** The wrap the checker reads the snippet in, so that nginx reads it the same way. */
  Wrap wrap() {
    if (context.isPresent()) {
      return Wrapping.named(context.get()).orElseThrow();
    }
    var src = new org.opsbook.checker.nginx.model.Source(name, snippet(), true);
    var parsed = NginxParser.parse(src, false);
    var expanded = Includes.expand(parsed.directives(), checkContext().files(),
        new org.opsbook.checker.nginx.validate.Reporter(new org.opsbook.check.Findings(snippet())));
    return Wrapping.guess(expanded.directives());
  }
}

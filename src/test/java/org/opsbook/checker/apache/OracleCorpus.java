package org.opsbook.checker.apache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.checker.apache.catalogue.ModuleSet;
import org.opsbook.testing.Project;

/**
 * The differential corpus: snippets in the forms articles use, valid and broken, in {@code
 * oracle/*.corpus}. Each starts with a line {@code === name [context=...] [modules=...]}; the
 * lines up to the next such line are the snippet. {@code oracle/known-differences.txt} lists,
 * as {@code name: reason}, the snippets where opsbook and httpd are known to disagree.
 */
final class OracleCorpus {
  static final String FOLDER = "org/opsbook/checker/apache/oracle";

  private OracleCorpus() {}

  record Entry(String name, String text, String context, ModuleSet modules) {
    RealApache.Snippet forHttpd() {
      return new RealApache.Snippet(name, text, context, modules);
    }
  }

  static List<Entry> read() {
    List<Entry> out = new ArrayList<>();
    Path dir = Project.testResource(FOLDER);
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".corpus")).sorted().toList()) {
        out.addAll(parse(Files.readString(f, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static List<Entry> parse(String text) {
    List<Entry> out = new ArrayList<>();
    String name = null;
    Map<String, String> attrs = new TreeMap<>();
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("=== ")) {
        if (name != null) {
          out.add(entry(name, attrs, body.toString()));
        }
        String[] words = line.substring(4).strip().split("\\s+");
        name = words[0];
        attrs = new TreeMap<>();
        for (int i = 1; i < words.length; i++) {
          int eq = words[i].indexOf('=');
          attrs.put(words[i].substring(0, eq), words[i].substring(eq + 1));
        }
        body.setLength(0);
      } else if (name != null) {
        body.append(line).append('\n');
      }
    }
    if (name != null) {
      out.add(entry(name, attrs, body.toString()));
    }
    return out;
  }

  private static Entry entry(String name, Map<String, String> attrs, String body) {
    String text = body;
    while (text.endsWith("\n\n")) {
      text = text.substring(0, text.length() - 1);
    }
    ModuleSet modules = attrs.containsKey("modules") ? ModuleSet.parse(attrs.get("modules")).orElseThrow() : ModuleSet.defaults();
    return new Entry(name, text, attrs.getOrDefault("context", "server"), modules);
  }

  static Map<String, String> knownDifferences() {
    Map<String, String> out = new TreeMap<>();
    Path file = Project.testResource(FOLDER + "/known-differences.txt");
    if (!Files.exists(file)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int colon = line.indexOf(':');
        out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Prints an oracle test's figures and writes them, with the differences found, to {@code
   * target/apache-NAME.txt}, so a run leaves them where the README says.
   */
  static void figures(String name, String figures, Map<String, String> differences) {
    System.out.println("apache " + name + ": " + figures);
    StringBuilder out = new StringBuilder(figures).append("\n");
    differences.forEach((k, v) -> out.append("\n").append(k).append(": ").append(v));
    try {
      Path file = Project.root().resolve("target/apache-" + name + ".txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, out.append("\n").toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

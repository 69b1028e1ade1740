package org.opsbook.checker.apache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.checker.apache.model.HttpdConfig;
import org.opsbook.checker.apache.model.Problem;
import java.util.ArrayList;

/**
 * opsbook against {@code apache2 -t} on the differential corpus: the same verdict (accepted or
 * refused) and, when refused, the same line for the first error. Snippets opsbook accepts are
 * checked in one httpd run; only if that run fails are they run one by one.
 */
@Tag("oracle")
class ApacheOracleTest {

  /** opsbook's verdict: the first error httpd would stop at, if any. */
  static Optional<Problem> ours(OracleCorpus.Entry e) {
    HttpdConfig.Wrapping wrapping = switch (e.context()) {
      case "virtualhost" -> HttpdConfig.Wrapping.VIRTUAL_HOST;
      case "directory" -> HttpdConfig.Wrapping.DIRECTORY;
      default -> HttpdConfig.Wrapping.SERVER;
    };
    Snippet s = Snippet.of("apache", e.text(), e.name(), Map.of());
    return ConfigReader.read(s, e.modules(), IncludedFiles.NONE, wrapping).firstFatal();
  }

  @Test
  void agreesWithApache2OnEveryCorpusSnippet() {
    Optional<RealApache> real = RealApache.create();
    Assumptions.assumeTrue(real.isPresent(), "apache2 is not installed (.ci/install-tools installs it)");
    List<OracleCorpus.Entry> corpus = OracleCorpus.read();
    Map<String, String> known = OracleCorpus.knownDifferences();
    Map<String, String> disagreements = new TreeMap<>();
    int accepted = 0;
    int refused = 0;
    int lineAgreed = 0;
    try (RealApache httpd = real.get()) {
      Map<String, RealApache.Verdict> verdicts = new TreeMap<>();
      Map<String, List<OracleCorpus.Entry>> clean = new TreeMap<>();
      for (OracleCorpus.Entry e : corpus) {
        if (ours(e).isEmpty()) {
          clean.computeIfAbsent(e.modules().toString(), k -> new ArrayList<>()).add(e);
        }
      }
      for (List<OracleCorpus.Entry> batch : clean.values()) {
        RealApache.Verdict v = httpd.check(batch.stream().map(OracleCorpus.Entry::forHttpd).toList());
        if (v.accepted()) {
          batch.forEach(e -> verdicts.put(e.name(), v));
        }
      }
      for (OracleCorpus.Entry e : corpus) {
        RealApache.Verdict theirs = verdicts.computeIfAbsent(e.name(), n -> httpd.check(List.of(e.forHttpd())));
        Optional<Problem> mine = ours(e);
        String difference = compare(e, mine, theirs);
        if (theirs.accepted()) {
          accepted++;
        } else {
          refused++;
          if (difference == null) {
            lineAgreed++;
          }
        }
        if (difference != null && !known.containsKey(e.name())) {
          disagreements.put(e.name(), difference);
        }
      }
    }
    Map<String, String> all = new TreeMap<>(disagreements);
    known.forEach((name, reason) -> all.put(name, "known difference: " + reason));
    OracleCorpus.figures("oracle", String.format(java.util.Locale.ROOT, "%d snippets, httpd accepted %d and refused %d; "
        + "opsbook agrees on %d of %d (refused with the same first line: %d of %d); known differences: %d",
        corpus.size(), accepted, refused, corpus.size() - disagreements.size() - known.size(), corpus.size(), lineAgreed,
        refused, known.size()), all);
    assertTrue(corpus.size() >= 150, "the corpus has " + corpus.size() + " snippets");
    assertEquals(Map.of(), disagreements, "opsbook and apache2 -t disagree");
  }

  /**
   * Debian's own files in /etc/apache2 (mods-available/*.conf with their module loaded,
   * conf-available, sites-available), as distribution defaults nobody here wrote. A file that
   * names a certificate is left out: apache2 -t checks that it exists, opsbook cannot.
   */
  @Test
  void agreesWithApache2OnDebiansOwnConfigurationFiles() throws java.io.IOException {
    Optional<RealApache> real = RealApache.create();
    Assumptions.assumeTrue(real.isPresent(), "apache2 is not installed (.ci/install-tools installs it)");
    java.nio.file.Path etc = java.nio.file.Path.of("/etc/apache2");
    List<OracleCorpus.Entry> files = new ArrayList<>();
    for (String folder : List.of("mods-available", "conf-available", "sites-available")) {
      try (var list = java.nio.file.Files.list(etc.resolve(folder))) {
        for (java.nio.file.Path p : list.filter(f -> f.toString().endsWith(".conf")).sorted().toList()) {
          String text = java.nio.file.Files.readString(p);
          if (text.contains("SSLCertificateFile") && !text.matches("(?s).*^\\s*#\\s*SSLCertificateFile.*")
              && text.lines().anyMatch(l -> l.strip().startsWith("SSLCertificateFile"))) {
            continue;
          }
          String module = p.getFileName().toString().replace(".conf", "");
          String modules = !folder.equals("mods-available") ? "+rewrite"
              : module.startsWith("mpm_") ? "-mpm_event,+" + module : "+" + module;
          // a2enmod enables what a module's .load file says it depends on.
          java.nio.file.Path load = etc.resolve("mods-available/" + module + ".load");
          if (folder.equals("mods-available") && java.nio.file.Files.exists(load)) {
            for (String line : java.nio.file.Files.readAllLines(load)) {
              if (line.startsWith("# Depends:")) {
                for (String dep : line.substring(10).strip().split("\\s+")) {
                  modules += ",+" + dep;
                }
              }
            }
          }
          files.add(new OracleCorpus.Entry(folder + "/" + p.getFileName(), text, "server",
              org.opsbook.checker.apache.catalogue.ModuleSet.parse(modules).orElseThrow()));
        }
      }
    }
    Map<String, String> disagreements = new TreeMap<>();
    try (RealApache httpd = real.get()) {
      for (OracleCorpus.Entry e : files) {
        String difference = compare(e, ours(e), httpd.check(List.of(e.forHttpd())));
        if (difference != null) {
          disagreements.put(e.name(), difference);
        }
      }
    }
    OracleCorpus.figures("oracle-debian", String.format(java.util.Locale.ROOT, "Debian's own files: %d files, %d agree",
        files.size(), files.size() - disagreements.size()), disagreements);
    assertTrue(files.size() >= 20, "only " + files.size() + " files");
    assertEquals(Map.of(), disagreements, "opsbook and apache2 -t disagree on Debian's own files");
  }

  private static String compare(OracleCorpus.Entry e, Optional<Problem> mine, RealApache.Verdict theirs) {
    if (theirs.accepted() && mine.isEmpty()) {
      return null;
    }
    if (theirs.accepted()) {
      return "httpd accepts it; opsbook says line " + mine.get().at().line() + ": " + mine.get().message();
    }
    if (mine.isEmpty()) {
      return "httpd refuses it (line " + theirs.line() + ": " + theirs.message() + "); opsbook accepts it";
    }
    int line = mine.get().at().line();
    int last = lastLineOf(e.text(), line);
    if (theirs.line() < line || theirs.line() > last) {
      return "httpd refuses line " + theirs.line() + " (" + theirs.message() + "); opsbook line " + line + " ("
          + mine.get().message() + ")";
    }
    return null;
  }

  /** httpd numbers a continued line by its last physical line; opsbook by its first. */
  static int lastLineOf(String text, int line) {
    String[] lines = text.split("\n", -1);
    int l = line;
    while (l - 1 < lines.length && lines[l - 1].stripTrailing().endsWith("\\") && l < lines.length) {
      l++;
    }
    return l;
  }
}

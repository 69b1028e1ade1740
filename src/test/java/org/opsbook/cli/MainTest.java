package org.opsbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, output formats, errors without stack traces. */
class MainTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void lintReportsAnUnknownSshdKeywordAsJsonWithExactlyTheDocumentedFields() throws Exception {
    Path conf = dir.resolve("sshd_config");
    Files.writeString(conf, "PermitRootLogin no\nPasswordAuthentification no\n");
    Run r = run("lint", "--lang", "sshd_config", "--format", "json", conf.toString());
    assertEquals(ExitCodes.FINDINGS, r.code(), r.err());
    JsonNode array = new ObjectMapper().readTree(r.out());
    assertTrue(array.isArray());
    JsonNode error = null;
    for (JsonNode d : array) {
      Set<String> fields = new TreeSet<>();
      for (Iterator<String> it = d.fieldNames(); it.hasNext(); ) {
        fields.add(it.next());
      }
      fields.remove("hint");
      assertEquals(Set.of("file", "line", "column", "severity", "rule", "message"), fields);
      if (d.get("severity").asText().equals("error")) {
        error = d;
      }
    }
    assertTrue(error != null, r.out());
    assertEquals(2, error.get("line").asInt());
    assertEquals(1, error.get("column").asInt());
    assertEquals(conf.toString(), error.get("file").asText());
  }

  @Test
  void lintTextOutputShowsTheLineAndACaret() throws Exception {
    Path conf = dir.resolve("sshd_config");
    Files.writeString(conf, "PasswordAuthentification no\n");
    Run r = run("lint", "--lang", "sshd_config", "--color", "never", conf.toString());
    assertEquals(ExitCodes.FINDINGS, r.code());
    assertTrue(r.out().contains(conf + ":1:1: error: "), r.out());
    assertTrue(r.out().contains("  PasswordAuthentification no\n  ^\n"), r.out());
    assertTrue(r.out().contains("1 error"), r.out());
  }

  @Test
  void cleanFileExitsZero() throws Exception {
    Path conf = dir.resolve("sshd_config");
    Files.writeString(conf, "PermitRootLogin no\n");
    assertEquals(ExitCodes.CLEAN, run("lint", "--lang", "sshd_config", "--fragment", conf.toString()).code());
  }

  @Test
  void unknownLanguageIsAUsageError() throws Exception {
    Path conf = dir.resolve("x");
    Files.writeString(conf, "x\n");
    Run r = run("lint", "--lang", "klingon", conf.toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("no checker reads 'klingon'"));
  }

  @Test
  void unknownOptionIsAUsageErrorWithoutAStackTrace() {
    Run r = run("build", "--frobnicate");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("Unknown option"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void aMisspeltCommandOrOptionBeforeHelpIsStillAUsageError() {
    Run command = run("serverconfig", "--help");
    assertEquals(ExitCodes.USAGE, command.code());
    assertEquals("", command.out());
    assertTrue(command.err().contains("unknown command 'serverconfig'"), command.err());
    assertTrue(command.err().contains("did you mean 'opsbook server-config'?"), command.err());

    Run option = run("build", "--fromat", "json", "--help");
    assertEquals(ExitCodes.USAGE, option.code());
    assertTrue(option.err().contains("did you mean '--format'?"), option.err());

    Run help = run("build", "--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("Usage: opsbook build"), help.out());
  }

  @Test
  void unknownFormatIsAUsageError() {
    Run r = run("check", "--format", "yaml");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("unknown --format 'yaml'"));
  }

  @Test
  void missingContentFolderIsAUsageError() {
    Run r = run("check", "--source", dir.resolve("nothing").toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("the content folder does not exist"), r.err());
  }

  @Test
  void aMisspeltCheckerOptionInTheConfigurationStopsTheBuildAtItsLine() throws Exception {
    Path content = dir.resolve("content");
    Files.createDirectories(content.resolve("articles/x"));
    Files.writeString(content.resolve("articles/x/index.md"), "---\ntitle: x\ndate: 2026-01-01\n---\ntext\n");
    Path config = dir.resolve("opsbook.yaml");
    Files.writeString(config, "title: t\ncheckers:\n  sshd:\n    verison: \"9.2\"\n");
    Run r = run("build", "--source", content.toString(), "--config", config.toString(),
        "--output", dir.resolve("site").toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.out() + r.err());
    assertTrue(r.err().contains(":4:5") && r.err().contains("checker 'sshd' has no option 'verison'"), r.err());
    assertFalse(Files.exists(dir.resolve("site")));
  }

  @Test
  void lintHoldsItsConfigurationToTheCheckersOptionsToo() throws Exception {
    Path conf = dir.resolve("sshd_config");
    Files.writeString(conf, "PermitRootLogin no\n");
    Path config = dir.resolve("opsbook.yaml");
    Files.writeString(config, "checkers:\n  sshd:\n    version: \"9.2\"\n  shd:\n    version: \"9.2\"\n");
    Run r = run("lint", "--lang", "sshd_config", "--config", config.toString(), conf.toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.out() + r.err());
    assertTrue(r.err().contains(":4:3") && r.err().contains("there is no checker 'shd'"), r.err());
  }

  @Test
  void explainPrintsTheRuleAndListingCoversEveryChecker() {
    Run r = run("explain", "opsbook.expectation");
    assertEquals(ExitCodes.CLEAN, r.code());
    assertTrue(r.out().startsWith("opsbook.expectation (error)"), r.out());
    Run list = run("explain", "--list");
    for (String prefix : List.of("opsbook.", "sshd.", "iptables.", "postfix.")) {
      assertTrue(list.out().contains("\n" + prefix) || list.out().startsWith(prefix), prefix);
    }
    assertEquals(ExitCodes.USAGE, run("explain", "nope.nothing").code());
  }

  @Test
  void listLanguagesNamesEveryCheckedLanguage() {
    Run r = run("check", "--list-languages");
    assertEquals(ExitCodes.CLEAN, r.code());
    for (String language : List.of("sshd_config", "iptables", "postfix-pcre", "header_checks")) {
      assertTrue(r.out().contains(language + " "), language + " in " + r.out());
    }
  }

  @Test
  void newScaffoldsADraftThatBuilds() throws Exception {
    Path content = dir.resolve("content");
    Run r = run("new", "--source", content.toString(), "--date", "2026-04-01", "Hardening sshd");
    assertEquals(ExitCodes.CLEAN, r.code(), r.err());
    Path file = content.resolve("articles/hardening-sshd/index.md");
    assertTrue(Files.readString(file).contains("title: \"Hardening sshd\""));
    assertEquals(ExitCodes.USAGE, run("new", "--source", content.toString(), "Hardening sshd").code());
    Run check = run("check", "--source", content.toString(), "--drafts");
    assertEquals(ExitCodes.CLEAN, check.code(), check.out() + check.err());
    assertTrue(check.out().contains("1 passed"), check.out());
  }

  @Test
  void newRefusesABlankTitleAndShortensALongOne() throws Exception {
    Path content = dir.resolve("content");
    Run blank = run("new", "--source", content.toString(), "  ");
    assertEquals(ExitCodes.USAGE, blank.code());
    assertTrue(blank.err().contains("needs a title"), blank.err());

    // Nearly 300 characters: as a folder name, longer than a file system takes.
    String title = ("Rotating keys on every bastion host ").repeat(8) + "\nfor good";
    Run r = run("new", "--source", content.toString(), "--date", "2026-04-01", title);
    assertEquals(ExitCodes.CLEAN, r.code(), r.err());
    Path file = content.resolve("articles/rotating-keys-on-every-bastion-host-rotating-keys-on-every-bastion-host-"
        + "rotating/index.md");
    assertTrue(Files.readString(file).contains("title: \"Rotating keys on every bastion host Rotating"),
        Files.readString(file));
    assertFalse(Files.readString(file).contains("host \nfor"), "the pasted line break is a space");
    Run check = run("check", "--source", content.toString(), "--drafts");
    assertEquals(ExitCodes.CLEAN, check.code(), check.out() + check.err());

    Files.writeString(content.resolve("articles/in-the-way"), "a file where the folder would go");
    Run inTheWay = run("new", "--source", content.toString(), "In the way");
    assertEquals(ExitCodes.USAGE, inTheWay.code());
    assertTrue(inTheWay.err().contains("is not a folder"), inTheWay.err());
  }

  @Test
  void lintReadsAFileAsTheDaemonDoesAndSaysPlainlyWhyItCannot() throws Exception {
    Path latin1 = dir.resolve("latin1.conf");
    Files.write(latin1, "# caf\u00e9\nPermitRootLogin no\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Run r = run("lint", "--lang", "sshd_config", "--fragment", latin1.toString());
    assertEquals(ExitCodes.CLEAN, r.code(), "sshd reads bytes; a Latin-1 comment stops nothing: " + r.err());

    Run missing = run("lint", "--lang", "sshd_config", dir.resolve("nope.conf").toString());
    assertEquals(ExitCodes.USAGE, missing.code());
    assertTrue(missing.err().endsWith("nope.conf: no such file\n"), missing.err());

    Run folder = run("build", "--config", dir.toString());
    assertEquals(ExitCodes.USAGE, folder.code());
    assertTrue(folder.err().contains("is a folder; name the configuration file itself"), folder.err());
  }

  @Test
  void aConfigurationNamedOnTheCommandLineMustExist() throws Exception {
    Path content = Files.createDirectories(dir.resolve("content/articles/a"));
    Files.writeString(content.resolve("index.md"), "---\ntitle: A\ndate: 2026-01-01\n---\n\nText.\n");
    Path conf = dir.resolve("plain.conf");
    Files.writeString(conf, "PermitRootLogin no\n");
    String missing = dir.resolve("opsbok.yaml").toString();
    Path site = dir.resolve("site");
    List<List<String>> commands = List.of(
        List.of("build", "--source", dir.resolve("content").toString(), "--output", site.toString()),
        List.of("check", "--source", dir.resolve("content").toString()),
        List.of("lint", "--lang", "sshd_config", "--fragment", conf.toString()),
        List.of("query", "--lang", "iptables", conf.toString(), "tcp 203.0.113.9:5555 -> 198.51.100.2:22 in=eth0"),
        List.of("maintenance", "--source", dir.resolve("content").toString(), "--out", dir.resolve("m").toString(),
            "upgrade"));
    for (List<String> command : commands) {
      List<String> args = new java.util.ArrayList<>(command);
      args.addAll(List.of("--config", missing));
      Run r = run(args.toArray(String[]::new));
      assertEquals(ExitCodes.USAGE, r.code(), command.get(0) + ": " + r.err());
      assertTrue(r.err().contains("--config '" + missing + "' does not exist"), command.get(0) + ": " + r.err());
    }
    assertFalse(Files.exists(site), "nothing was built with the defaults instead");
    // Without --config, a missing opsbook.yaml still means the defaults.
    Run defaults = run("-C", dir.toString(), "build", "--output", site.toString());
    assertEquals(ExitCodes.CLEAN, defaults.code(), defaults.err());
  }

  @Test
  void exitPolicyOptionsDecideWhatFails() throws Exception {
    Path warn = dir.resolve("warn.conf");
    Files.writeString(warn, "Protocol 2\n");
    assertEquals(ExitCodes.CLEAN, run("lint", "--lang", "sshd_config", "--fragment", warn.toString()).code());
    assertEquals(ExitCodes.FINDINGS, run("lint", "--lang", "sshd_config", "--fragment", "--werror", warn.toString()).code());
    assertEquals(ExitCodes.FINDINGS,
        run("lint", "--lang", "sshd_config", "--fragment", "--max-warnings", "0", warn.toString()).code());
    Path bad = dir.resolve("bad.conf");
    Files.writeString(bad, "PermitRootLogn no\n");
    assertEquals(ExitCodes.CLEAN, run("lint", "--lang", "sshd_config", "--report-only", bad.toString()).code());
  }

  @Test
  void reportOnlyBuildWritesTheSiteDespiteErrors() throws Exception {
    Path content = dir.resolve("content");
    Files.createDirectories(content.resolve("articles/x"));
    Files.writeString(content.resolve("articles/x/index.md"),
        "---\ntitle: x\ndate: 2026-01-01\n---\n```sshd_config\nPermitRootLogn no\n```\n");
    Path out = dir.resolve("out");
    Run failed = run("build", "--source", content.toString(), "-o", out.toString());
    assertEquals(ExitCodes.FINDINGS, failed.code());
    assertFalse(Files.exists(out), "a failed build writes nothing");
    Run adopted = run("build", "--source", content.toString(), "-o", out.toString(), "--report-only");
    assertEquals(ExitCodes.CLEAN, adopted.code(), adopted.out());
    assertTrue(Files.exists(out.resolve("articles/x/index.html")));
  }
}

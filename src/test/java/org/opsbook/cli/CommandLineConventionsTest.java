package org.opsbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line follows convention: help where asked, usage errors with suggestions, completion. */
class CommandLineConventionsTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aMisspeltCommandIsAUsageErrorThatSuggestsTheNearestCommand() {
    Run r = run("biuld");
    assertEquals(ExitCodes.USAGE, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("opsbook: unknown command 'biuld'\ndid you mean 'opsbook build'?\n"), r.err());
  }

  @Test
  void aMisspeltOptionSuggestsTheNearestOptionOfThatCommand() {
    Run r = run("build", "--fromat=json");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("did you mean '--format'?"), r.err());
    assertTrue(r.err().contains("run 'opsbook build --help' for usage"), r.err());
  }

  @Test
  void aWordFarFromEveryCommandGetsNoSuggestion() {
    Run r = run("xyzzyplugh");
    assertEquals(ExitCodes.USAGE, r.code());
    assertFalse(r.err().contains("did you mean"), r.err());
  }

  @Test
  void noArgumentsIsAUsageErrorWithTheHelpOnStderr() {
    Run r = run();
    assertEquals(ExitCodes.USAGE, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().contains("Commands:") && r.err().contains("opsbook: name a command"), r.err());
  }

  @Test
  void helpAskedForGoesToStdoutWithExitZero() {
    for (List<String> args : List.of(List.of("--help"), List.of("help"), List.of("build", "--help"), List.of("help", "lint"))) {
      Run r = run(args.toArray(String[]::new));
      assertEquals(ExitCodes.CLEAN, r.code(), args.toString());
      assertEquals("", r.err(), args.toString());
      assertTrue(r.out().startsWith("Usage: opsbook") || r.out().contains("\nUsage: opsbook"), r.out());
    }
  }

  @Test
  void everyCommandIsSummarisedInOneImperativeSentenceOnOneLineOfTheHelp() {
    CommandLine cli = Main.full();
    String help = run("--help").out();
    for (String name : cli.getSubcommands().keySet()) {
      String summary = CompletionCommand.summary(cli.getSubcommands().get(name).getCommandSpec());
      String line = String.format("  %-13s  %s", name, summary);
      assertTrue(help.contains(line + "\n"), "not one line: " + line + "\n" + help);
      assertTrue(summary.endsWith("."), summary);
      String verb = summary.substring(0, summary.indexOf(' '));
      // "Builds", "Prints": the third person reads as a description of a command, not an instruction.
      assertFalse(verb.endsWith("s") && !verb.endsWith("ss"), "not imperative: " + summary);
    }
  }

  @Test
  void versionNamesTheReleasesTheCheckersReproduce() {
    Run r = run("--version");
    assertEquals(ExitCodes.CLEAN, r.code());
    assertTrue(r.out().startsWith("opsbook "), r.out());
    for (String release : List.of("OpenSSH 9.2", "iptables 1.8.9", "Postfix 3.7")) {
      assertTrue(r.out().contains(release), release + " in " + r.out());
    }
  }

  @Test
  void bashCompletionIsAValidScriptThatCompletesEveryCommand() throws Exception {
    Run r = run("completion", "bash");
    assertEquals(ExitCodes.CLEAN, r.code(), r.err());
    for (String command : Main.full().getSubcommands().keySet()) {
      assertTrue(r.out().contains(command), command);
    }
    Path bash = Path.of("/bin/bash");
    Assumptions.assumeTrue(Files.isExecutable(bash), "bash is not installed");
    Path script = dir.resolve("opsbook.bash");
    Files.writeString(script, r.out());
    Process p = new ProcessBuilder(bash.toString(), "-n", script.toString()).redirectErrorStream(true).start();
    assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void fishCompletionOffersEveryCommandAndTheFormatNames() {
    Run r = run("completion", "fish");
    assertEquals(ExitCodes.CLEAN, r.code(), r.err());
    for (String command : Main.full().getSubcommands().keySet()) {
      assertTrue(r.out().contains(" -a " + command + " -d "), command + " in\n" + r.out());
    }
    assertTrue(r.out().contains("-n '__fish_seen_subcommand_from build' -l format -r -a 'text json sarif junit github'"),
        r.out());
    assertEquals(ExitCodes.USAGE, run("completion", "tcsh").code());
  }

  @Test
  void explainRendersItsMarkdownForTheTerminal() {
    Run r = run("explain", "--color", "never", "sshd.permit-root-login");
    assertEquals(ExitCodes.CLEAN, r.code(), r.err());
    assertFalse(r.out().contains("**") || r.out().contains("`"), r.out());
    assertTrue(r.out().contains("\nFix. Write 'PermitRootLogin no'"), r.out());
    assertTrue(r.out().lines().allMatch(l -> l.length() <= 80), r.out());
    Run bold = run("explain", "--color", "always", "sshd.permit-root-login");
    assertTrue(bold.out().contains("\u001b[1mFix.\u001b[0m"), bold.out());
  }

  @Test
  void aMisspeltRuleIdSuggestsTheNearestRule() throws Exception {
    Run r = run("explain", "sshd.unknwon-keyword");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("did you mean 'sshd.unknown-keyword'?"), r.err());
    Path conf = dir.resolve("sshd_config");
    Files.writeString(conf, "PermitRootLogin no\n");
    Run lint = run("lint", "--lang", "sshd_config", "--fragment", "--color", "never", "--ignore", "sshd.permit-rot-login",
        conf.toString());
    assertTrue(lint.out().contains("hint: did you mean sshd.permit-root-login?"), lint.out());
  }

  @Test
  void lintCountsFilesNotSnippets() throws Exception {
    Path conf = dir.resolve("sshd_config");
    Files.writeString(conf, "PermitRootLogin no\n");
    Run r = run("lint", "--lang", "sshd_config", "--fragment", conf.toString(), conf.toString());
    assertTrue(r.out().endsWith("in 2 checked files\n"), r.out());
  }
}

package org.opsbook.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No input makes opsbook crash: each of these is a diagnostic at file:line:col (or a usage error)
 * with exit 1 or 2, never a stack trace or exit 3, and the previous site stays.
 */
class CrashFreeTest {
  @TempDir Path dir;
  private HostileProject p;

  @BeforeEach
  void project() throws Exception {
    p = HostileProject.create(dir.resolve("project"));
  }

  @Test
  void aThousandNestedListsAreAnErrorWhereTheLimitIsReached() throws Exception {
    StringBuilder lists = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      lists.append("  ".repeat(i)).append("- level ").append(i + 1).append('\n');
    }
    p.article("second", "Second", lists.toString());
    p.run("build").expect(1, "content/articles/second/index.md:105:201: error: the Markdown nests more than 100 levels"
        + " deep here", "[opsbook.markdown-limit]");
    p.assertPreviousSiteSurvived();
  }

  @Test
  void aThousandNestedQuotesAreAnErrorOnTheirLine() throws Exception {
    p.article("second", "Second", "Intro.\n\n" + ">".repeat(1000) + " deep\n");
    p.run("build").expect(1, "content/articles/second/index.md:7:101: error: this line opens more than 100 lists or"
        + " quotes inside each other");
    StringBuilder quotes = new StringBuilder();
    for (int i = 1; i <= 1000; i++) {
      quotes.append("> ".repeat(i)).append("line\n");
    }
    p.article("second", "Second", quotes.toString());
    p.run("build").expect(1, "content/articles/second/index.md:105:201: error: this line opens more than 100");
    p.assertPreviousSiteSurvived();
  }

  @Test
  void twentyThousandUnclosedLinksInOneParagraphBuild() throws Exception {
    p.article("second", "Second", "[a](".repeat(20_000) + "\n");
    p.run("build").expect(0);
    assertTrue(Files.readString(p.path("site/articles/second/index.html")).contains("[a]([a]("));
  }

  @Test
  void aTwoThousandCharacterQuotedStringInIptablesIsHighlightedEvenUnchecked() throws Exception {
    String rule = "iptables -A INPUT -m comment --comment \"" + "x".repeat(2000) + "\" -j ACCEPT\n";
    p.article("second", "Second", "```iptables {check=off}\n" + rule + "```\n");
    p.run("build").expect(0);
    assertTrue(Files.readString(p.path("site/articles/second/index.html")).contains("x".repeat(2000)));
    p.remember();
    p.article("second", "Second", "```iptables\n" + rule + "```\n");
    p.run("build").expect(1, "content/articles/second/index.md:6:40: error: comment: Bad value for \"--comment\" option:"
        + " longer than 255 characters [iptables.bad-value]");
    p.assertPreviousSiteSurvived();
  }

  @Test
  void hugeNumbersInRatesAndBackReferencesAreErrorsAtTheirColumn() throws Exception {
    p.article("second", "Second", "```iptables\n"
        + "iptables -A INPUT -m limit --limit 99999999999999999999/second -j ACCEPT\n"
        + "iptables -A INPUT -m hashlimit --hashlimit-upto 99999999999999999999/sec --hashlimit-name web -j ACCEPT\n"
        + "```\n\n```header_checks\n/^Subject: (a)\\g{99999999999}/ REJECT no\n```\n");
    p.run("build").expect(1, "index.md:6:36: error: Rate too fast \"99999999999999999999/second\" [iptables.bad-value]",
        "index.md:7:49: error: Rate too fast \"99999999999999999999/sec\"",
        "index.md:11:15: error: PCRE2 rejects this pattern: subpattern number is too big");
    p.assertPreviousSiteSurvived();
  }

  @Test
  void aJumpLoopBetweenChainsIsOneErrorNotAnEndlessTrace() throws Exception {
    p.article("second", "Second", "```iptables {id=fw}\niptables -N A\niptables -N B\niptables -A INPUT -j A\n"
        + "iptables -A A -j B\niptables -A B -j A\n```\n");
    HostileProject.Run r = p.run("build").expect(1, "index.md:10:18: error: this jump makes the loop A -> B -> A reachable"
        + " from a built-in chain, which the kernel refuses", "[iptables.jump-loop]");
    assertTrue(r.all().lines().count() < 20, r.all());
    p.assertPreviousSiteSurvived();
  }

  @Test
  void oddFrontMatterIsAnErrorAtItsLine() throws Exception {
    p.article("second", "Second\"\ntitle: \"Again", "Body.\n");
    p.run("build").expect(1, "content/articles/second/index.md:3:6: error: front matter is not valid YAML: Duplicate field"
        + " 'title'", "hint: keep one of the two");
    p.write("content/articles/second/index.md", "---\ntitle: " + "[".repeat(5000) + "]".repeat(5000) + "\n---\nx\n");
    p.run("build").expect(1, "content/articles/second/index.md:2:1: error: front matter is not valid YAML: Document"
        + " nesting depth");
    p.write("content/articles/second/index.md", "---\ntitle: \"" + "y".repeat(4_000_000) + "\"\ndate: 2026-02-03\n---\n");
    p.run("build").expect(1, "content/articles/second/index.md:2:1: error: the front matter is 4,000,027 characters long;"
        + " at most 65,536 are read");
    p.write("content/articles/second/index.md", "---\ntitle: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader"
        + " [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]\ndate: 2026-02-03\n---\n");
    // The tags are read as plain YAML, never as classes: a list of lists, which is no title.
    p.run("build").expect(1, "content/articles/second/index.md:2:1: error: title must be text, not a list or a mapping");
    p.assertPreviousSiteSurvived();
  }

  @Test
  void invalidUtf8IsAnErrorNamingTheLineAndTheByte() throws Exception {
    byte[] latin1 = "---\ntitle: Second\ndate: 2026-02-03\n---\nFine line.\nCaf\u00e9 au lait.\n".getBytes(StandardCharsets.ISO_8859_1);
    p.writeBytes("content/articles/second/index.md", latin1);
    p.run("build").expect(1, "content/articles/second/index.md:6:4: error: not valid UTF-8: byte 0xE9 at line 6, column 4"
        + " [opsbook.encoding]", "hint: save the file as UTF-8");
    p.assertPreviousSiteSurvived();
    p.writeBytes("opsbook.yaml", "title: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    p.run("build").expect(2, "opsbook.yaml:1:11: error: load: not valid UTF-8: byte 0xE9 at line 1, column 11");
  }

  @Test
  void anUnreadableFolderIsAnErrorAtThatFolder() throws Exception {
    Path secret = p.path("content/articles/locked");
    p.write("content/articles/locked/index.md", "---\ntitle: Locked\ndate: 2026-02-03\n---\nx\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    try {
      String expected = "content/articles/locked:1:1: error: cannot read this folder (permission denied)";
      if (!Files.isReadable(secret)) {
        p.run("build").expect(1, expected, "[opsbook.io]");
      } else {
        // Root reads any folder whatever its mode, unless it gives up the capabilities that allow it.
        Path setpriv = Path.of("/usr/bin/setpriv");
        Assumptions.assumeTrue(Files.isExecutable(setpriv), "running as root without setpriv");
        Process build = new ProcessBuilder(setpriv.toString(), "--bounding-set=-dac_override,-dac_read_search",
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
            "org.opsbook.cli.Main", "-C", p.root().toString(), "build").redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        new HostileProject.Run(build.waitFor(), output, "").expect(1, expected, "[opsbook.io]");
      }
      p.assertPreviousSiteSurvived();
    } finally {
      Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void anOutOfRangePortIsAUsageError() {
    p.run("serve", "-p", "99999").expect(2, "serve: port 99999 is out of range; use 1-65535, or 0 for any free port");
    p.run("serve", "-p", "-1").expect(2, "out of range");
    p.run("serve", "-p", "http").expect(2, "Invalid value for option '--port'");
  }

  @Test
  void aFileAttributeThatNamesAFolderIsAnError() throws Exception {
    p.article("second", "Second", "```sshd_config {file=.}\nPermitRootLogin no\n```\n\n<!-- opsbook: file=conf/.. -->\n"
        + "```sshd_config\nPasswordAuthentication no\n```\n");
    p.run("build").expect(1, "content/articles/second/index.md:5:17: error: file=. names a folder, not a file",
        "content/articles/second/index.md:9:1: error: file=conf/.. names a folder, not a file", "[opsbook.attribute]");
    p.assertPreviousSiteSurvived();
  }

  @Test
  void controlCharactersNeverReachTheTerminal() throws Exception {
    p.article("second", "Second", "```sshd_config\nPermitRootLogn\u001b[2J\u001b]0;owned\u0007 no\n```\n\n"
        + "[x](../\u202egnp.exe/)\n");
    HostileProject.Run r = p.run("check", "--color", "never").expect(1, "\\x1b[2J", "\\u202e");
    assertFalse(r.all().contains("\u001b") || r.all().contains("\u202e") || r.all().contains("\u0007"), r.all());
  }
}

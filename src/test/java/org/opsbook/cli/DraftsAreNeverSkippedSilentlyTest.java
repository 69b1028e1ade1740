package org.opsbook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code new} says it made a draft; {@code build} and {@code check} say which drafts they left out. */
class DraftsAreNeverSkippedSilentlyTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void newSaysWhereTheFileIsAndThatItIsADraft() {
    Path content = dir.resolve("content");
    Run r = run("new", "--source", content.toString(), "--date", "2026-04-01", "Hardening sshd");
    assertEquals(ExitCodes.CLEAN, r.code(), r.err());
    String file = content.resolve("articles/hardening-sshd/index.md").toString().replace('\\', '/');
    assertTrue(r.out().startsWith("created " + file + "\n"), r.out());
    assertTrue(r.out().contains("it is a draft (draft: true)"), r.out());
  }

  @Test
  void checkListsTheDraftsItLeftOutWithTheirErrorCounts() throws Exception {
    Path content = dir.resolve("content");
    run("new", "--source", content.toString(), "--date", "2026-04-01", "Clean draft");
    Files.createDirectories(content.resolve("articles/broken"));
    Files.writeString(content.resolve("articles/broken/index.md"), "---\ntitle: Broken\ndate: 2026-01-01\ndraft: true\n---\n"
        + "```sshd_config\nPermitRootLogn no\nPasswordAuthentification no\n```\n");
    Run check = run("check", "--source", content.toString());
    assertEquals(ExitCodes.CLEAN, check.code(), "drafts' findings do not fail a build that leaves them out");
    String shown = content.toString().replace('\\', '/');
    assertTrue(check.out().contains("2 drafts not built (use --drafts):\n"
        + "  " + shown + "/articles/broken/index.md (2 errors)\n"
        + "  " + shown + "/articles/clean-draft/index.md\n"), check.out());

    Run withDrafts = run("check", "--source", content.toString(), "--drafts");
    assertEquals(ExitCodes.FINDINGS, withDrafts.code());
    assertFalse(withDrafts.out().contains("not built"), withDrafts.out());
  }
}

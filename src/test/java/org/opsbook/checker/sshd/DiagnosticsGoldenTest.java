package org.opsbook.checker.sshd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;
import org.opsbook.testing.Golden;
import org.opsbook.testing.Project;

/**
 * Whole diagnostic reports as golden files: {@code golden/NAME.input} is checked and the sorted
 * {@code file:line:col: severity: message [rule]} lines, each followed by its hint, must equal
 * {@code NAME.diagnostics}.
 */
class DiagnosticsGoldenTest {
  private static final String DIR = "org/opsbook/checker/sshd/golden";

  @TestFactory
  Stream<DynamicTest> diagnosticReportsMatchTheirGoldenFiles() throws IOException {
    try (Stream<Path> files = Files.list(Project.testResource(DIR))) {
      return files.filter(p -> p.toString().endsWith(".input") && !p.getFileName().toString().startsWith("sftp-host"))
          .sorted().toList().stream()
          .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> compare(p)));
    }
  }

  private static void compare(Path input) throws IOException {
    String name = input.getFileName().toString().replace(".input", "");
    String text = Files.readString(input, StandardCharsets.UTF_8);
    StringBuilder report = new StringBuilder();
    for (Diagnostic d : new SshdChecker().check(Snippet.ofFile("sshd_config", text, name + ".conf"), CheckContext.empty())) {
      report.append(d).append('\n');
      if (d.hint() != null) {
        report.append("    hint: ").append(d.hint()).append('\n');
      }
    }
    Golden.assertMatches(DIR + "/" + name + ".diagnostics", report.toString());
  }
}

package org.opsbook.checker.sshclient.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Snippet;
import org.opsbook.checker.openssh.ExpectComments;
import org.opsbook.checker.sshclient.SshClientChecker;

/**
 * Runs the checker over each file in {@code rules/} and compares its findings with the
 * {@code # expect: rule-id} comments: every finding must be expected on the next non-comment
 * line, and every expectation must be found.
 */
class RuleExpectationsTest {
  private static final Path DIR = Paths.get("src/test/resources/org/opsbook/checker/sshclient/rules");

  static Stream<Path> files() throws IOException {
    return Files.list(DIR).filter(p -> p.toString().endsWith(".conf")).sorted();
  }

  @ParameterizedTest
  @MethodSource("files")
  void reportsExactlyTheExpectedFindings(Path file) throws IOException {
    String text = Files.readString(file);
    TreeSet<String> expected = ExpectComments.expected(text);
    TreeSet<String> actual = ExpectComments.found(
        new SshClientChecker().check(Snippet.ofFile("ssh_config", text, file.toString()), CheckContext.empty()));
    assertEquals(expected, actual, "findings of " + file.getFileName());
  }
}

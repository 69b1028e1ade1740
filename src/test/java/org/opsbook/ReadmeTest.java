package org.opsbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.RuleInfo;
import org.opsbook.testing.MiniSite;

/** README.md documents what opsbook does: it must not fall behind the code. */
class ReadmeTest {
  private final Path root = MiniSite.repositoryRoot();

  @Test
  void startsWithTheBuildAndTestCommands() throws Exception {
    String readme = Files.readString(root.resolve("README.md"));
    assertTrue(readme.startsWith("# opsbook\n\n```sh\n./opsbook build"), "README opens with the build command");
    assertTrue(readme.contains("\nmvn verify"), "README gives the test command");
    assertTrue(Files.readString(root.resolve(".ci/run")).contains("\nmvn -B verify\n"), ".ci/run runs the README's test command");
  }

  @Test
  void documentsEveryRule() throws Exception {
    String readme = Files.readString(root.resolve("README.md"));
    List<String> missing = new ArrayList<>();
    for (RuleInfo rule : CheckerRegistry.load().rules()) {
      String id = rule.id().value();
      String shortForm = id.substring(id.indexOf('.') + 1);
      if (!readme.contains("`" + id + "`") && !readme.contains("/ `" + shortForm + "`")) {
        missing.add(id);
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void showsTheCiJobsThatTheTestsKeepValid() throws Exception {
    String readme = Files.readString(root.resolve("README.md"));
    for (String job : List.of("github-actions.yml", "gitlab-ci.yml")) {
      String text = Files.readString(root.resolve("src/test/resources/org/opsbook/report/ci/" + job)).strip();
      assertTrue(readme.contains(text), job + " appears in README.md as it is tested");
    }
  }
}

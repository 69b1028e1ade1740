package org.opsbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The day of each content file's last commit, from one git pass, and nothing from outside the project. */
class GitDatesTest {
  @TempDir Path dir;

  @BeforeEach
  void needsGit() {
    assumeTrue(GitRepo.available(), "git is not installed");
  }

  @Test
  void eachFileGetsTheUtcDayOfItsLastCommit() throws Exception {
    GitRepo repo = GitRepo.init(dir);
    repo.write("content/articles/a/index.md", "one").write("content/about.md", "about").write("README.md", "r")
        .commit("2025-01-02T10:00:00+00:00");
    // 23:30 in New York is the next day in UTC: the date must not depend on the committer's zone.
    repo.write("content/articles/a/index.md", "two").commit("2025-03-04T23:30:00-05:00");
    Map<String, LocalDate> dates = GitDates.read(dir, dir.resolve("content"), null).days();
    assertEquals(Map.of("articles/a/index.md", LocalDate.of(2025, 3, 5), "about.md", LocalDate.of(2025, 1, 2)), dates);
  }

  @Test
  void aFolderThatIsNotACheckoutHasNoDates() throws Exception {
    Files.createDirectories(dir.resolve("content"));
    assertEquals(Map.of(), GitDates.read(dir, dir.resolve("content"), null).days());
  }

  @Test
  void aRepositoryAboveTheProjectIsNotRead() throws Exception {
    GitRepo repo = GitRepo.init(dir);
    repo.write("project/content/about.md", "about").commit("2025-01-02T10:00:00+00:00");
    Path project = dir.resolve("project");
    assertEquals(Map.of(), GitDates.read(project, project.resolve("content"), null).days());
  }

  @Test
  void uncommittedFilesHaveNoDate() throws Exception {
    GitRepo repo = GitRepo.init(dir);
    repo.write("content/old.md", "x").commit("2025-01-02T10:00:00+00:00");
    repo.write("content/new.md", "y");
    Map<String, LocalDate> dates = GitDates.read(dir, dir.resolve("content"), null).days();
    assertEquals(Map.of("old.md", LocalDate.of(2025, 1, 2)), dates);
  }

  @Test
  void theHistoryIsReadAgainOnlyWhenAnotherCommitIsCheckedOut() throws Exception {
    GitRepo repo = GitRepo.init(dir);
    repo.write("content/a.md", "x").commit("2025-01-02T10:00:00+00:00");
    GitDates first = GitDates.read(dir, dir.resolve("content"), null);
    assertTrue(first == GitDates.read(dir, dir.resolve("content"), first), "the same commit: the same dates, not read again");
    repo.write("content/a.md", "y").commit("2025-02-03T10:00:00+00:00");
    GitDates second = GitDates.read(dir, dir.resolve("content"), first);
    assertEquals(LocalDate.of(2025, 2, 3), second.day("a.md"));
  }

  @Test
  void aCheckoutWithoutCommitsHasNoDates() throws Exception {
    GitRepo.init(dir).write("content/a.md", "x");
    assertEquals(GitDates.NONE, GitDates.read(dir, dir.resolve("content"), null));
  }

  /** A git repository for tests, with fixed names and dates so that runs agree. */
  static final class GitRepo {
    private final Path root;

    private GitRepo(Path root) {
      this.root = root;
    }

    static boolean available() {
      try {
        return new ProcessBuilder("git", "--version").redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    static GitRepo init(Path root) throws Exception {
      GitRepo repo = new GitRepo(root);
      repo.git(null, "init", "-q", ".");
      return repo;
    }

    GitRepo write(String path, String text) throws IOException {
      Path p = root.resolve(path);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
      return this;
    }

    GitRepo commit(String when) throws Exception {
      git(null, "add", "-A", ".");
      git(when, "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", "commit",
          "-q", "-m", "change");
      return this;
    }

    private void git(String when, String... args) throws Exception {
      List<String> command = new ArrayList<>(List.of("git"));
      command.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
      pb.environment().keySet().removeIf(k -> k.startsWith("GIT_"));
      if (when != null) {
        pb.environment().put("GIT_COMMITTER_DATE", when);
        pb.environment().put("GIT_AUTHOR_DATE", when);
      }
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes());
      assertTrue(p.waitFor() == 0, "git " + String.join(" ", args) + ": " + out);
    }
  }
}

package org.opsbook.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.opsbook.diag.IoReason;
import org.opsbook.site.Slugs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opsbook new "Hardening sshd"}: scaffold an article with a checked snippet and a test block. */
@Command(name = "new", description = "Create content/articles/<slug>/index.md from a title.", mixinStandardHelpOptions = true)
public final class NewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--source", paramLabel = "DIR", defaultValue = "content", description = "Content folder (default: content).")
  Path source;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Publication date (default: today).")
  LocalDate date;

  @Parameters(paramLabel = "TITLE", description = "The article's title.")
  String title;

  @Override
  public Integer call() throws IOException {
    if (title.isBlank()) {
      spec.commandLine().getErr().println("opsbook: an article needs a title: opsbook new \"Hardening sshd\"");
      return ExitCodes.USAGE;
    }
    String slug = Slugs.of(title);
    Path dir = WorkingFolder.of(spec).resolve(source).resolve("articles").resolve(slug);
    Path file = dir.resolve("index.md");
    if (Files.exists(file)) {
      spec.commandLine().getErr().println("opsbook: " + file + " already exists; pick another title or edit it");
      return ExitCodes.USAGE;
    }
    // A YAML double-quoted string of one line: a backslash and a quote are escaped, and control
    // characters (a line break pasted with the title) become spaces.
    String quoted = title.strip().replaceAll("\\p{Cntrl}+", " ").replace("\\", "\\\\").replace("\"", "\\\"");
    String text = "---\n"
        + "title: \"" + quoted + "\"\n"
        + "date: " + (date == null ? LocalDate.now() : date) + "\n"
        + "tags: []\n"
        + "summary: \"\"\n"
        + "draft: true\n"
        + "---\n\n"
        + "Say in one paragraph what this article helps the reader do, and on which systems.\n\n"
        + "## The configuration\n\n"
        + "```sshd_config {file=/etc/ssh/sshd_config id=example fragment}\n"
        + "PermitRootLogin no\n"
        + "PasswordAuthentication no\n"
        + "```\n\n"
        + "Test blocks state what the configuration does; the build runs them:\n\n"
        + "```test for=example\n"
        + "user=root => permitrootlogin no\n"
        + "```\n";
    try {
      Files.createDirectories(dir);
      // CREATE_NEW: an article written meanwhile, by an editor or another 'new', is never replaced.
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      spec.commandLine().getErr().println("opsbook: " + e.getFile() + " already exists"
          + (e.getFile().equals(file.toString()) ? "" : " and is not a folder") + "; pick another title or edit it");
      return ExitCodes.USAGE;
    } catch (IOException e) {
      spec.commandLine().getErr().println("opsbook: cannot create " + file + ": " + IoReason.describe(e));
      return ExitCodes.USAGE;
    }
    String shown = file.toString().replace('\\', '/');
    spec.commandLine().getOut().println("created " + shown + "\n"
        + "it is a draft (draft: true): 'opsbook serve' and 'opsbook build --drafts' show it, and 'build' and 'check'\n"
        + "list it as not built until you delete that line");
    spec.commandLine().getOut().flush();
    return ExitCodes.CLEAN;
  }
}

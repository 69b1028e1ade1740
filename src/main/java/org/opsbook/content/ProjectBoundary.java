package org.opsbook.content;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.Optional;
import org.opsbook.check.CoreRules;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

/**
 * Whether a path inside the project really is inside it: a symbolic link committed to the project
 * (say {@code opsbook.yaml -> /proc/self/environ}, {@code content -> /home/ci/.ssh}, or a theme
 * folder that leads elsewhere) must not make opsbook read, and then publish or quote in its
 * messages, a file from elsewhere on the build machine.
 */
public final class ProjectBoundary {
  /** What to do about a configuration file that leads out. */
  public static final String CONFIG_HINT = "replace the link with the configuration file itself";
  /** What to do about a content folder that leads out. */
  public static final String CONTENT_HINT = "move the content into the project, or name that folder itself with --source";

  private ProjectBoundary() {}

  /**
   * Where {@code path} really leads when it lies in {@code root} as written but, through a symbolic
   * link, outside it; empty when it stays inside, does not exist, or was named outside the project
   * to begin with (an explicit {@code --config /etc/...} is the operator's choice).
   */
  public static Optional<Path> escape(Path path, Path root) {
    Path abs = path.toAbsolutePath().normalize();
    Path absRoot = root.toAbsolutePath().normalize();
    if (!abs.startsWith(absRoot) || !Files.exists(abs)) {
      return Optional.empty();
    }
    try {
      Path real = abs.toRealPath();
      return real.startsWith(absRoot.toRealPath()) ? Optional.empty() : Optional.of(real);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The first way out of the project in a folder that is read as a whole (a theme's templates,
   * which include one another by relative name, and its static files): the folder itself, or
   * anything reached below it, through links too, whose real path lies outside the project.
   * Broken and looping links read as missing, so they are not ways out.
   */
  public static Optional<Escape> escapeBelow(Path folder, Path root) throws IOException {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    Path realRoot = root.toAbsolutePath().normalize().toRealPath();
    Escape[] found = new Escape[1];
    Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        return outside(dir) ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        return outside(file) ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE; // a loop, or a folder that cannot be listed: nothing is read from it
      }

      private boolean outside(Path p) {
        try {
          Path real = p.toRealPath();
          if (!real.startsWith(realRoot)) {
            found[0] = new Escape(p, real);
            return true;
          }
        } catch (IOException e) {
          // Broken: nothing can be read through it.
        }
        return false;
      }
    });
    return Optional.ofNullable(found[0]);
  }

  /**
   * The {@code opsbook.symlink} error for a file or folder the project names that leads out of it,
   * or empty when it stays inside.
   *
   * @param shown how messages name {@code path}
   * @param hint what to do instead
   */
  public static Optional<Diagnostic> linkedOut(Path path, Path root, String shown, String hint) {
    return escape(path, root).map(target -> CoreRules.diagnostic(CoreRules.SYMLINK, new SourceSpan(shown, 1, 1),
        new Escape(path, target).describe("the project"), hint));
  }

  /** What is wrong with a path that leads out, said of the path. */
  public record Escape(Path path, Path target) {
    /** @param left what it leads out of, such as "the project" */
    public String describe(String left) {
      return (Files.isSymbolicLink(path) ? "is a symbolic link to " : "leads through a symbolic link to ") + target
          + ", outside " + left + "; nothing is read through it";
    }
  }
}

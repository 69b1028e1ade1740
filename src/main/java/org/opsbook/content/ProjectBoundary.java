package org.opsbook.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a path inside the project really is inside it: a symbolic link committed to the project
 * (say {@code opsbook.yaml -> /proc/self/environ}) must not make opsbook read, and then quote in
 * its messages, a file from elsewhere on the build machine.
 */
public final class ProjectBoundary {
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
}

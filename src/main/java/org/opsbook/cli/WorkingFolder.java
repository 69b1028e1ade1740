package org.opsbook.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The folder relative paths on the command line are read against: the JVM's working folder, or
 * the one {@code opsbook -C DIR} names, as {@code git -C} and {@code make -C} do.
 */
final class WorkingFolder {
  private WorkingFolder() {}

  /** The working folder of the command line {@code spec} belongs to, absolute and normalised. */
  static Path of(CommandSpec spec) {
    Path cwd = Path.of("").toAbsolutePath();
    Object top = spec == null ? null : spec.root().userObject();
    if (top instanceof Main main && main.directory != null) {
      return cwd.resolve(main.directory).normalize();
    }
    return cwd;
  }
}

package org.opsbook.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --config FILE} option. Without it a missing opsbook.yaml means the defaults; a file
 * named on the command line must be there, or a misspelt name would build with the defaults and
 * say nothing.
 */
final class ConfigOption {
  private ConfigOption() {}

  /** {@code config} resolved against {@code root}; a usage error when it is a folder or missing. */
  static Path file(CommandSpec command, Path root, Path config) {
    Path file = root.resolve(config);
    if (Files.isDirectory(file)) {
      // Said here, before the output guard would call the site folder "inside the configuration file".
      throw new ParameterException(command.commandLine(), "--config '" + config + "' is a folder; name the"
          + " configuration file itself, such as " + config.resolve("opsbook.yaml"));
    }
    if (!Files.exists(file)) {
      throw new ParameterException(command.commandLine(), "--config '" + config + "' does not exist; name the"
          + " configuration file, or leave --config out to read opsbook.yaml when there is one");
    }
    return file;
  }
}

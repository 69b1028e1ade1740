package org.opsbook.cli;

import java.nio.file.Path;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.config.ConfigException;
import org.opsbook.config.ConfigLoader;
import org.opsbook.config.SiteConfig;
import picocli.CommandLine.Model.CommandSpec;

/** Configuration for commands that read single files. */
final class SingleFileConfig {
  private SingleFileConfig() {}

  /** The named configuration, or opsbook.yaml in the working folder when it exists, or defaults. */
  static SiteConfig load(CommandSpec command, Path config, CheckerRegistry registry) throws ConfigException {
    Path root = WorkingFolder.of(command);
    if (config != null) {
      return new ConfigLoader(registry).load(ConfigOption.file(command, root, config), config.toString());
    }
    return new ConfigLoader(registry).load(root.resolve("opsbook.yaml"), "opsbook.yaml");
  }
}

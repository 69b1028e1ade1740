package org.opsbook.cli;

import java.nio.file.Path;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.config.ConfigException;
import org.opsbook.config.ConfigLoader;
import org.opsbook.config.SiteConfig;

/** Configuration for commands that read single files. */
final class SingleFileConfig {
  private SingleFileConfig() {}

  /** The named configuration, or opsbook.yaml in the working folder when it exists, or defaults. */
  static SiteConfig load(Path workingFolder, Path config, CheckerRegistry registry) throws ConfigException {
    Path file = config != null ? config : Path.of("opsbook.yaml");
    return new ConfigLoader(registry).load(workingFolder.resolve(file), file.toString());
  }
}

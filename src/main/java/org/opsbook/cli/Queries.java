package org.opsbook.cli;

import java.nio.file.Path;
import org.opsbook.site.ConfigException;
import org.opsbook.site.ConfigLoader;
import org.opsbook.site.SiteConfig;

/** Configuration for commands that read single files. */
final class Queries {
  private Queries() {}

  /** The named configuration, or opsbook.yaml in the working folder when it exists, or defaults. */
  static SiteConfig loadConfig(Path workingFolder, Path config) throws ConfigException {
    Path file = config != null ? config : Path.of("opsbook.yaml");
    return new ConfigLoader().load(workingFolder.resolve(file), file.toString());
  }
}

package org.opsbook.site;

import org.opsbook.check.CoreRules;
import org.opsbook.config.ConfigException;
import org.opsbook.diag.SourceSpan;
import org.opsbook.publish.OutputFolderGuard;
import org.opsbook.publish.UnsafeOutputException;

/** The build's side of {@link OutputFolderGuard}: the project's own folders are what it protects. */
public final class OutputFolders {
  private OutputFolders() {}

  /** The guard for a build with these options. */
  public static OutputFolderGuard guard(BuildOptions options) {
    return OutputFolderGuard.forProject(options.projectRoot(), options.contentDir(), options.configFile());
  }

  /**
   * Throws unless the build may replace its output folder; nothing has been touched when it throws.
   * An approval of that folder, from a check just made, is taken instead.
   */
  static void requireSafe(BuildOptions options, OutputFolderGuard.Approval approval) throws ConfigException {
    if (approval != null && approval.covers(options.outputDir())) {
      return;
    }
    try {
      guard(options).checkBuildOutput(null, options.outputDir());
    } catch (UnsafeOutputException e) {
      throw new ConfigException(CoreRules.diagnostic(CoreRules.IO,
          new SourceSpan(options.outputDir().toString(), 1, 1), e.getMessage(), e.hint()));
    }
  }
}

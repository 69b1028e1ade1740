package org.opsbook.site;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.CoreRules;
import org.opsbook.config.ConfigException;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.IoReason;
import org.opsbook.diag.SourceSpan;
import org.opsbook.theme.ThemeException;

/**
 * Runs a build's stages one after another: times each for the listener, and names the stage in
 * whatever stops it, as in {@code assemble: article.peb:3: ...}.
 */
final class Stages {
  /** A stage's work. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws ConfigException, ThemeException, IOException;
  }

  private final BuildOptions options;

  Stages(BuildOptions options) {
    this.options = options;
  }

  /**
   * @param detail says what the stage did, from its result, for the timing output
   * @throws ConfigException whatever stopped the stage, its messages prefixed with the stage's name
   */
  <T> T run(String stage, Work<T> work, java.util.function.Function<T, String> detail) throws ConfigException {
    long start = System.nanoTime();
    T result = null;
    try {
      result = work.run();
      return result;
    } catch (ConfigException e) {
      throw named(stage, e.diagnostics());
    } catch (ThemeException e) {
      throw named(stage, List.of(e.isLinkOut()
          ? CoreRules.diagnostic(CoreRules.SYMLINK, new SourceSpan(e.file(), e.line(), 1), e.getMessage(),
              "copy what the theme needs into the project and remove the link")
          : CoreRules.diagnostic(CoreRules.TEMPLATE, new SourceSpan(e.file(), e.line(), 1),
              e.getMessage(), "fix the template; the theme lookup order is in the README")));
    } catch (IOException | java.io.UncheckedIOException e) {
      boolean reading = (stage.equals(LoadStage.NAME) || stage.equals(ProcessStage.NAME))
          && !(e instanceof SpillFile.WriteFailure);
      Path where = reading ? options.contentDir() : options.outputDir();
      throw named(stage, List.of(CoreRules.diagnostic(CoreRules.IO, new SourceSpan(options.displayName(where), 1, 1),
          (reading ? "cannot read the content: " : "cannot write the site: ") + IoReason.describe(e),
          reading ? null : "check that the output folder's parent exists and is writable")));
    } finally {
      options.listener().stageDone(stage, Duration.ofNanos(System.nanoTime() - start),
          result == null ? "failed" : detail.apply(result));
    }
  }

  /** An I/O failure of a stage, outside its work (closing what it opened). */
  ConfigException failure(String stage, IOException e) {
    return named(stage, List.of(CoreRules.diagnostic(CoreRules.IO,
        new SourceSpan(options.displayName(options.outputDir()), 1, 1), "cannot write the site: " + IoReason.describe(e),
        "check that the output folder's parent exists and is writable")));
  }

  private static ConfigException named(String stage, List<Diagnostic> diagnostics) {
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      out.add(d.message().startsWith(stage + ": ") ? d
          : new Diagnostic(d.where(), d.rule(), d.severity(), stage + ": " + d.message(), d.hint()));
    }
    return new ConfigException(out);
  }

}

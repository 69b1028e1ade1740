package org.opsbook.site;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.opsbook.report.ExitPolicy;

/**
 * What to build and where.
 *
 * @param projectRoot the folder with {@code opsbook.yaml}, {@code themes/} and {@code layouts/}
 * @param contentDir the Markdown sources
 * @param contentDisplay how diagnostics name the content folder, such as {@code content}
 * @param configFile the configuration file (absent means defaults)
 * @param outputDir where the site goes
 * @param drafts build drafts too, and show every diagnostic inline
 * @param baseUrl overrides {@code base_url}, or {@code null}
 * @param write {@code false} for {@code opsbook check}: check everything, write nothing
 * @param policy which findings fail the build (and so keep the output folder as it was)
 * @param now the instant checks that depend on time (key expiry) take as now; one per build, so
 *     one input gives one answer, and unchanged within a preview session, so the clock alone
 *     never makes an incremental build redo an article
 * @param sourceDateEpoch {@code SOURCE_DATE_EPOCH} when set: then {@code now} is that instant, and
 *     maintenance pages count "back in about N hours" from it
 * @param listener hears stage timings and progress
 */
public record BuildOptions(
    Path projectRoot, Path contentDir, String contentDisplay, Path configFile, Path outputDir, boolean drafts,
    URI baseUrl, boolean write, ExitPolicy policy, Instant now, Optional<Instant> sourceDateEpoch,
    BuildListener listener) {

  public BuildOptions {
    Objects.requireNonNull(projectRoot);
    Objects.requireNonNull(contentDir);
    Objects.requireNonNull(contentDisplay);
    Objects.requireNonNull(configFile);
    Objects.requireNonNull(outputDir);
    Objects.requireNonNull(policy);
    Objects.requireNonNull(now);
    Objects.requireNonNull(sourceDateEpoch);
    Objects.requireNonNull(listener);
  }

  /** The usual layout below a project folder, checked as of the moment this is called. */
  public static BuildOptions forProject(Path root) {
    return new BuildOptions(root, root.resolve("content"), "content", root.resolve("opsbook.yaml"), root.resolve("site"),
        false, null, true, ExitPolicy.DEFAULT, Instant.now(), Optional.empty(), BuildListener.NONE);
  }

  public BuildOptions withOutput(Path dir) {
    return new BuildOptions(projectRoot, contentDir, contentDisplay, configFile, dir, drafts, baseUrl, write, policy, now,
        sourceDateEpoch, listener);
  }

  public BuildOptions withDrafts(boolean value) {
    return new BuildOptions(projectRoot, contentDir, contentDisplay, configFile, outputDir, value, baseUrl, write, policy,
        now, sourceDateEpoch, listener);
  }

  public BuildOptions withWrite(boolean value) {
    return new BuildOptions(projectRoot, contentDir, contentDisplay, configFile, outputDir, drafts, baseUrl, value, policy,
        now, sourceDateEpoch, listener);
  }

  public BuildOptions withContent(Path dir, String display) {
    return new BuildOptions(projectRoot, dir, display, configFile, outputDir, drafts, baseUrl, write, policy, now,
        sourceDateEpoch, listener);
  }

  public BuildOptions withPolicy(ExitPolicy value) {
    return new BuildOptions(projectRoot, contentDir, contentDisplay, configFile, outputDir, drafts, baseUrl, write, value,
        now, sourceDateEpoch, listener);
  }

  public BuildOptions withConfig(Path file) {
    return new BuildOptions(projectRoot, contentDir, contentDisplay, file, outputDir, drafts, baseUrl, write, policy, now,
        sourceDateEpoch, listener);
  }

  public BuildOptions withBaseUrl(URI url) {
    return new BuildOptions(projectRoot, contentDir, contentDisplay, configFile, outputDir, drafts, url, write, policy, now,
        sourceDateEpoch, listener);
  }

  /** The clock of the build: {@code SOURCE_DATE_EPOCH} when given, else {@code started}. */
  public BuildOptions withClock(Instant started, Optional<Instant> epoch) {
    return new BuildOptions(projectRoot, contentDir, contentDisplay, configFile, outputDir, drafts, baseUrl, write, policy,
        epoch.orElse(started), epoch, listener);
  }

  public BuildOptions withListener(BuildListener value) {
    return new BuildOptions(projectRoot, contentDir, contentDisplay, configFile, outputDir, drafts, baseUrl, write, policy,
        now, sourceDateEpoch, value);
  }

  /** How diagnostics name a file: relative to the project when inside it. */
  String displayName(Path file) {
    Path root = projectRoot.toAbsolutePath().normalize();
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : file.toString();
  }
}

package org.opsbook.site;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
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
 */
public record BuildOptions(
    Path projectRoot, Path contentDir, String contentDisplay, Path configFile, Path outputDir, boolean drafts,
    URI baseUrl, boolean write, ExitPolicy policy) {

  public BuildOptions {
    Objects.requireNonNull(projectRoot);
    Objects.requireNonNull(contentDir);
    Objects.requireNonNull(contentDisplay);
    Objects.requireNonNull(configFile);
    Objects.requireNonNull(outputDir);
    Objects.requireNonNull(policy);
  }

  /** The usual layout below a project folder. */
  public static BuildOptions forProject(Path root) {
    return new BuildOptions(root, root.resolve("content"), "content", root.resolve("opsbook.yaml"), root.resolve("site"),
        false, null, true, ExitPolicy.DEFAULT);
  }

  public BuildOptions withOutput(Path dir) {
    return new BuildOptions(projectRoot, contentDir, contentDisplay, configFile, dir, drafts, baseUrl, write, policy);
  }

  public BuildOptions withDrafts(boolean value) {
    return new BuildOptions(projectRoot, contentDir, contentDisplay, configFile, outputDir, value, baseUrl, write, policy);
  }

  public BuildOptions withWrite(boolean value) {
    return new BuildOptions(projectRoot, contentDir, contentDisplay, configFile, outputDir, drafts, baseUrl, value, policy);
  }

  public BuildOptions withContent(Path dir, String display) {
    return new BuildOptions(projectRoot, dir, display, configFile, outputDir, drafts, baseUrl, write, policy);
  }

  public BuildOptions withPolicy(ExitPolicy value) {
    return new BuildOptions(projectRoot, contentDir, contentDisplay, configFile, outputDir, drafts, baseUrl, write, value);
  }

  public BuildOptions withConfig(Path file) {
    return new BuildOptions(projectRoot, contentDir, contentDisplay, file, outputDir, drafts, baseUrl, write, policy);
  }

  public BuildOptions withBaseUrl(URI url) {
    return new BuildOptions(projectRoot, contentDir, contentDisplay, configFile, outputDir, drafts, url, write, policy);
  }
}

package org.opsbook.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.opsbook.config.BaseUrls;
import org.opsbook.site.BuildOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where the project, its content and its configuration are; shared by build, check and serve. */
public final class ProjectOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec command;

  @Option(names = "--source", paramLabel = "DIR", description = "Content folder (default: content).")
  Path source;

  @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: opsbook.yaml).")
  Path config;

  @Option(names = "--drafts", description = "Build drafts too, and show every diagnostic under its snippet line.")
  boolean drafts;

  @Option(names = "--base-url", paramLabel = "URL", description = "Override base_url, e.g. https://docs.example.org/.")
  String baseUrl;

  /** The build options for the working folder, with these overrides. */
  public BuildOptions toBuildOptions(Path output) throws URISyntaxException {
    Path root = WorkingFolder.of(command);
    BuildOptions o = BuildOptions.forProject(root);
    if (source != null) {
      o = o.withContent(root.resolve(source), source.toString().replace('\\', '/'));
    }
    if (config != null) {
      o = o.withConfig(ConfigOption.file(command, root, config));
    }
    if (output != null) {
      o = o.withOutput(root.resolve(output));
    }
    if (baseUrl != null) {
      try {
        o = o.withBaseUrl(BaseUrls.parse(baseUrl));
      } catch (IllegalArgumentException e) {
        throw new URISyntaxException(baseUrl, "--base-url " + e.getMessage() + "; write it as https://docs.example.org/");
      }
    }
    return o.withDrafts(drafts);
  }
}

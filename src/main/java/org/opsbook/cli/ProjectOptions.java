package org.opsbook.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
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
      o = o.withConfig(root.resolve(config));
    }
    if (output != null) {
      o = o.withOutput(root.resolve(output));
    }
    if (baseUrl != null) {
      URI uri = new URI(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw new URISyntaxException(baseUrl, "--base-url needs an absolute URL such as https://docs.example.org/");
      }
      o = o.withBaseUrl(uri);
    }
    return o.withDrafts(drafts);
  }
}

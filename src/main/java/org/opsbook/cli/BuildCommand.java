package org.opsbook.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opsbook build}: content to site, every snippet checked. */
@Command(name = "build", description = "Build site/, checking every snippet and running every test.",
    mixinStandardHelpOptions = true)
public final class BuildCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Mixin ReportOptionsMixin report;
  @Spec CommandSpec spec;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output folder (default: site).")
  Path output;

  @Override
  public Integer call() throws Exception {
    return SiteBuildRun.build(spec, project, report, output, true, "build");
  }
}

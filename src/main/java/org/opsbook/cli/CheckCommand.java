package org.opsbook.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.opsbook.check.Checker;
import org.opsbook.check.CheckerRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opsbook check}: the build's checks, nothing written. */
@Command(name = "check", description = "Check every snippet and run every test block; write nothing.",
    mixinStandardHelpOptions = true)
public final class CheckCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Mixin ReportOptionsMixin report;
  @Spec CommandSpec spec;

  @Option(names = "--list-languages", description = "List the checked languages and their checkers, then exit.")
  boolean listLanguages;

  @Override
  public Integer call() throws Exception {
    if (listLanguages) {
      CheckerRegistry registry = CheckerRegistry.load();
      for (Map.Entry<String, Checker> e : registry.languages().entrySet()) {
        spec.commandLine().getOut().printf("%-22s %s%n", e.getKey(), e.getValue().id());
      }
      spec.commandLine().getOut().flush();
      return ExitCodes.CLEAN;
    }
    return SiteBuildRun.build(spec, project, report, null, false, "check");
  }
}

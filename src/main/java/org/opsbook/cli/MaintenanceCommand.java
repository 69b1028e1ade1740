package org.opsbook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.opsbook.diag.Diagnostic;
import org.opsbook.maintenance.MaintenanceBuilder;
import org.opsbook.maintenance.MaintenanceResult;
import org.opsbook.maintenance.MaintenanceSettings;
import org.opsbook.maintenance.PlainMarkdown;
import org.opsbook.maintenance.ProjectSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code opsbook maintenance NAME --out DIR}: builds one maintenance page and its server configs. */
@Command(
    name = "maintenance",
    mixinStandardHelpOptions = true,
    description = {
      "Builds content/maintenance/NAME.md into DIR: index.html (self-contained), nginx.conf,",
      "apache.conf, varnish.vcl and haproxy.cfg."
    })
public final class MaintenanceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "the page, e.g. upgrade for content/maintenance/upgrade.md")
  String name;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "where to write the files")
  Path out;

  @Option(names = "--source", paramLabel = "DIR", description = "the project folder (default: current folder)")
  Path source = Path.of(".");

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    try {
      MaintenanceSettings settings = ProjectSettings.read(source, System.getenv("SOURCE_DATE_EPOCH"));
      MaintenanceResult result = new MaintenanceBuilder(settings, new PlainMarkdown()).buildTo(name, out);
      for (Diagnostic diagnostic : result.diagnostics()) {
        stderr.println(diagnostic);
        diagnostic.hintText().ifPresent(hint -> stderr.println("  hint: " + hint));
      }
      if (result.hasErrors()) {
        stderr.println("maintenance/" + name + ": not built, " + result.diagnostics().stream().filter(Diagnostic::isError).count() + " error(s)");
        return 1;
      }
      stdout.println(result.summary(settings.budgetBytes()) + " in " + out);
      return 0;
    } catch (ProjectSettings.InvalidSettings e) {
      stderr.println(e.getMessage());
      return 2;
    } catch (IOException e) {
      stderr.println("maintenance: " + e.getMessage());
      return 2;
    } finally {
      stdout.flush();
      stderr.flush();
    }
  }
}

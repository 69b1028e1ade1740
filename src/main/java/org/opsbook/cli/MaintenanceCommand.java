package org.opsbook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.IoReason;
import org.opsbook.publish.OutputFolderGuard;
import org.opsbook.publish.UnsafeOutputException;
import org.opsbook.report.TerminalText;
import org.opsbook.maintenance.MaintenanceBuilder;
import org.opsbook.maintenance.MaintenanceResult;
import org.opsbook.maintenance.MaintenanceSettings;
import org.opsbook.maintenance.ProjectSettings;
import org.opsbook.maintenance.SiteMarkdown;
import org.opsbook.config.ConfigException;
import org.opsbook.theme.ThemeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code opsbook maintenance NAME --out DIR}: builds one maintenance page and its server configs. */
@Command(
    name = "maintenance",
    mixinStandardHelpOptions = true,
    header = "Build a maintenance page and the server configs that serve it.",
    description = {
      "Build content/maintenance/NAME.md into DIR: index.html (self-contained), nginx.conf,",
      "apache.conf, varnish.vcl and haproxy.cfg."
    })
public final class MaintenanceCommand implements Callable<Integer> {
  private static final java.util.regex.Pattern SAFE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "the page, e.g. upgrade for content/maintenance/upgrade.md")
  String name;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "where to write the files")
  Path out;

  @Option(names = "--source", paramLabel = "DIR", description = "Content folder (default: content).")
  Path source;

  @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: opsbook.yaml).")
  Path config;

  @Option(names = "--reference-time", paramLabel = "INSTANT",
      description = "count 'back in about N hours' from this ISO instant (default: SOURCE_DATE_EPOCH, else the page states the time)")
  Instant referenceTime;

  @Option(names = "--budget-kib", paramLabel = "KIB", description = "warn when the page is larger (default: 100)")
  int budgetKib = MaintenanceSettings.DEFAULT_BUDGET / 1024;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    try {
      Optional<Instant> reference = referenceTime != null
          ? Optional.of(referenceTime) : Environment.current().sourceDateEpoch();
      Path root = WorkingFolder.of(spec);
      Path content = root.resolve(source == null ? Path.of("content") : source);
      String contentShown = source == null ? "content" : source.toString().replace('\\', '/');
      Path configFile = config == null ? root.resolve("opsbook.yaml") : ConfigOption.file(spec, root, config);
      if (!SAFE_NAME.matcher(name).matches()) {
        stderr.println("maintenance: '" + TerminalText.escape(name) + "' is not a page name; use letters, digits, '.',"
            + " '_' and '-', as in upgrade for content/maintenance/upgrade.md");
        return 2;
      }
      try {
        OutputFolderGuard.forProject(root, content, configFile).checkOutputLocation(out.toString(), root.resolve(out));
      } catch (UnsafeOutputException e) {
        stderr.println("maintenance: " + TerminalText.escape(e.getMessage()));
        stderr.println("  hint: " + TerminalText.escape(e.hint()));
        return 2;
      }
      MaintenanceSettings settings = ProjectSettings.read(root, content, contentShown, configFile, reference)
          .withBudget(Math.max(1, budgetKib) * 1024);
      MaintenanceResult result = new MaintenanceBuilder(settings, new SiteMarkdown()).buildTo(name, root.resolve(out));
      for (Diagnostic diagnostic : result.diagnostics()) {
        stderr.println(TerminalText.escape(diagnostic.toString()));
        diagnostic.hintText().ifPresent(hint -> stderr.println("  hint: " + TerminalText.escape(hint)));
      }
      if (result.hasErrors()) {
        stderr.println("maintenance/" + name + ": not built, "
            + result.diagnostics().stream().filter(Diagnostic::isError).count() + " error(s)");
        return 1;
      }
      stdout.println(result.summary(settings.budgetBytes()) + " in " + out);
      return 0;
    } catch (ConfigException e) {
      e.diagnostics().forEach(d -> stderr.println(TerminalText.escape(d.toString())));
      return 2;
    } catch (ThemeException e) {
      stderr.println(e.file() + ":" + e.line() + ":1: error: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      stderr.println("maintenance: " + IoReason.describe(e));
      return 2;
    } finally {
      stdout.flush();
      stderr.flush();
    }
  }
}

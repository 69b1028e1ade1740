package org.opsbook.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Checker;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.DiskFiles;
import org.opsbook.check.Snippet;
import org.opsbook.content.Utf8Text;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.IoReason;
import org.opsbook.maintenance.MaintenanceSettings;
import org.opsbook.report.Report;
import org.opsbook.report.ReportFormat;
import org.opsbook.report.SnippetRecord;
import org.opsbook.config.ConfigException;
import org.opsbook.config.SiteConfig;
import org.opsbook.snippet.CheckedSnippet;
import org.opsbook.snippet.SnippetVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opsbook lint --lang sshd_config /etc/ssh/sshd_config}: check plain config files. */
@Command(name = "lint", description = "Check plain configuration files (not articles) with a checker.",
    mixinStandardHelpOptions = true)
public final class LintCommand implements Callable<Integer> {
  @Mixin ReportOptionsMixin report;
  @Spec CommandSpec spec;

  @Option(names = "--lang", required = true, paramLabel = "LANGUAGE",
      description = "The files' language, as in a fence: sshd_config, iptables, postfix-pcre, ...")
  String language;

  @Option(names = "--fragment", description = "The files are excerpts: whole-file rules are off.")
  boolean fragment;

  @Option(names = "--ignore", paramLabel = "RULES", split = ",", description = "Rule IDs to ignore.")
  List<String> ignore = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE", description = "Read checker options from this opsbook.yaml.")
  Path config;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check; - reads standard input.")
  List<String> files;

  @Override
  public Integer call() {
    ReportFormat format = report.format(spec.commandLine().getErr());
    if (format == null) {
      return ExitCodes.USAGE;
    }
    CheckerRegistry registry = CheckerRegistry.load();
    Optional<Checker> checker = registry.forLanguage(language);
    if (checker.isEmpty()) {
      spec.commandLine().getErr().println("opsbook: no checker reads '" + language
          + "'; 'opsbook check --list-languages' lists the checked languages");
      return ExitCodes.USAGE;
    }
    SiteConfig site;
    try {
      site = SingleFileConfig.load(spec, config, registry);
    } catch (ConfigException e) {
      SiteBuildRun.printFatal(spec.commandLine().getErr(), e);
      return ExitCodes.USAGE;
    }
    SnippetVerifier verifier = new SnippetVerifier(registry, site.ruleSeverity());
    CheckContext context = onThisHost(site, language);
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<SnippetRecord> snippets = new ArrayList<>();
    for (String file : files) {
      String text;
      try {
        text = read(WorkingFolder.of(spec), file);
      } catch (IOException e) {
        spec.commandLine().getErr().println("opsbook: cannot read " + file + ": " + IoReason.of(e));
        return ExitCodes.USAGE;
      }
      TreeMap<String, String> attributes = new TreeMap<>();
      if (fragment) {
        attributes.put("fragment", "true");
      }
      if (!ignore.isEmpty()) {
        attributes.put("ignore", String.join(",", ignore));
      }
      String name = file.equals("-") ? "<stdin>" : file;
      Snippet s = Snippet.ofFile(language, text, name);
      s = new Snippet(s.language(), s.text(), s.origin(), 0, attributes, s.fence());
      CheckedSnippet checked = verifier.verify(s, context);
      diagnostics.addAll(checked.counted());
      snippets.add(new SnippetRecord(s.fence(), language, true, checked.counted()));
    }
    Report r = new Report(diagnostics, snippets, List.of(), registry.rules());
    report.print(format, r, new FileSourceLines(WorkingFolder.of(spec)), "lint", Environment.current(),
        spec.commandLine().getOut());
    return report.exitCode(r);
  }

  /**
   * What a check of files on disk sees: the site's options, includes followed into this host's
   * files as the daemon follows them, and the run's clock (SOURCE_DATE_EPOCH when set).
   */
  static CheckContext onThisHost(SiteConfig site, String language) {
    Instant now = MaintenanceSettings.sourceDateEpoch(System.getenv("SOURCE_DATE_EPOCH")).orElseGet(Instant::now);
    return CheckContext.of(site.checkerOptions()).withFiles(DiskFiles.host(language)).withNow(now);
  }

  /** Far more than any configuration file holds, even a large iptables-save; /dev/zero never ends. */
  static final int MAX_BYTES = 64 << 20;

  /**
   * A file named on the command line (or {@code -}, standard input) as the daemon would read it:
   * CRLF kept, bad UTF-8 replaced rather than refused, a missing final newline added ({@link
   * DiskFiles#asTheDaemonReadsIt}). A pipe or device is read up to {@link #MAX_BYTES}.
   */
  static String read(Path workingFolder, String file) throws IOException {
    if (file.equals("-")) {
      return DiskFiles.asTheDaemonReadsIt(Utf8Text.readAtMost(System.in, MAX_BYTES));
    }
    try (InputStream in = Files.newInputStream(workingFolder.resolve(file))) {
      return DiskFiles.asTheDaemonReadsIt(Utf8Text.readAtMost(in, MAX_BYTES));
    }
  }
}

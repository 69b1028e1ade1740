package org.opsbook.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Checker;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.QueryResult;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.IoReason;
import org.opsbook.config.ConfigException;
import org.opsbook.config.SiteConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code opsbook query --lang LANG FILE QUERY}: ask a checker's executable model, as {@code sshd -T
 * -C}, a packet trace or {@code postmap -q} would answer. Exit 0 when answered, 1 when the model
 * has no answer (postmap's "not found") or the file has errors, 2 on usage errors.
 */
@Command(name = "query", description = "Ask a checker's executable model about a config file.",
    mixinStandardHelpOptions = true,
    footer = {"", "iptables questions are packets (IPv4):",
        "  PROTO SRC[:PORT] -> DST[:PORT] [in=IF] [out=IF] [state=NEW|ESTABLISHED|",
        "    RELATED|INVALID|UNTRACKED] [uid=N] [gid=N] [mark=N] [flags=SYN,ACK]",
        "    [icmp-type=NAME] [mac=ADDR] [pkt-type=TYPE] [host=[IF:]ADDR,...]",
        "  A packet without in= is sent by the host itself. host= gives the host's",
        "  own interfaces and addresses, as a snippet's host= attribute does; they",
        "  decide between INPUT and FORWARD. For example:",
        "  opsbook query --lang iptables rules.sh \\",
        "    'tcp 203.0.113.9:5555 -> 198.51.100.2:22 in=eth0 host=eth0:198.51.100.2'"})
public final class QueryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--lang", required = true, paramLabel = "LANGUAGE", description = "The file's language.")
  String language;

  @Option(names = "--config", paramLabel = "FILE", description = "Read checker options from this opsbook.yaml.")
  Path config;

  @Parameters(index = "0", paramLabel = "FILE", description = "The configuration file.")
  String file;

  @Parameters(index = "1", paramLabel = "QUERY", description = "The question; - reads one per line from standard input.")
  String query;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CheckerRegistry registry = CheckerRegistry.load();
    Optional<Checker> checker = registry.forLanguage(language);
    if (checker.isEmpty()) {
      err.println("opsbook: no checker reads '" + language + "'; 'opsbook check --list-languages' lists them");
      return ExitCodes.USAGE;
    }
    SiteConfig site;
    try {
      site = SingleFileConfig.load(spec, config, registry);
    } catch (ConfigException e) {
      SiteBuildRun.printFatal(err, e);
      return ExitCodes.USAGE;
    }
    String text;
    try {
      text = LintCommand.read(WorkingFolder.of(spec), file);
    } catch (IOException e) {
      err.println("opsbook: cannot read " + file + ": " + IoReason.of(e));
      return ExitCodes.USAGE;
    }
    Snippet snippet = Snippet.ofFile(language, text, file);
    CheckContext context = LintCommand.onThisHost(site, language);
    if (!query.equals("-")) {
      return answer(checker.get().query(snippet, query, context), out, err, null);
    }
    // Like postmap -q -: one key per line, answers printed as "key<TAB>value"; exit 0 if any was found.
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    boolean anyFound = false;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      int code = answer(checker.get().query(snippet, line, context), out, err, line);
      if (code == ExitCodes.USAGE) {
        return code;
      }
      anyFound |= code == ExitCodes.CLEAN;
    }
    return anyFound ? ExitCodes.CLEAN : ExitCodes.FINDINGS;
  }

  private static int answer(QueryResult result, PrintWriter out, PrintWriter err, String key) {
    for (Diagnostic d : result.diagnostics()) {
      err.println(d);
      d.hintText().ifPresent(h -> err.println("  hint: " + h));
    }
    err.flush();
    if (result.hasErrors()) {
      return ExitCodes.FINDINGS;
    }
    if (!result.found()) {
      return ExitCodes.FINDINGS;
    }
    if (key == null) {
      out.print(result.output());
    } else {
      for (String line : result.output().split("\n")) {
        out.print(key + "\t" + line + "\n");
      }
    }
    out.flush();
    return ExitCodes.CLEAN;
  }
}

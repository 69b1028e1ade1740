package org.opsbook.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code opsbook} command. Only {@link #main} exits the JVM; tests call {@link #run}. */
@Command(name = "opsbook", mixinStandardHelpOptions = true, versionProvider = VersionText.class,
    description = "A static-site generator for operations knowledge that checks every config snippet.",
    footer = {"", "Run 'opsbook COMMAND --help' for a command's options."},
    subcommands = {
        BuildCommand.class,
        CheckCommand.class,
        LintCommand.class,
        QueryCommand.class,
        ExplainCommand.class,
        NewCommand.class,
        MaintenanceCommand.class,
        ServeCommand.class,
        PublishCommand.class,
        ServerConfigCommand.class,
        DoctorCommand.class,
        CompletionCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** {@code opsbook} alone asked for nothing: that is a usage error, with the help on stderr. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    spec.commandLine().usage(err);
    err.println();
    err.println("opsbook: name a command, such as 'opsbook build'");
    err.flush();
    return ExitCodes.USAGE;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs a command line and returns the exit code; never exits the JVM. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
    cli.setParameterExceptionHandler((ex, a) -> {
      PrintWriter e = ex.getCommandLine().getErr();
      e.println("opsbook: " + CommandSuggestions.message(ex));
      CommandSuggestions.forError(ex).ifPresent(s -> e.println("did you mean '" + s + "'?"));
      e.println("run 'opsbook " + commandPath(ex.getCommandLine()) + "--help' for usage");
      e.flush();
      return ExitCodes.USAGE;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter e = commandLine.getErr();
      e.println("opsbook: internal error: " + ex);
      e.println("this is a bug in opsbook; set OPSBOOK_DEBUG=1 for the stack trace");
      if (System.getenv("OPSBOOK_DEBUG") != null) {
        ex.printStackTrace(e);
      }
      e.flush();
      return ExitCodes.INTERNAL;
    });
    return cli.execute(args);
  }

  private static String commandPath(CommandLine cl) {
    return cl.getParent() == null ? "" : cl.getCommandSpec().qualifiedName(" ").substring("opsbook ".length()) + " ";
  }
}

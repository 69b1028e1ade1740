package org.opsbook.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code opsbook} command. Only {@link #main} exits the JVM; tests call {@link #run}. */
@Command(name = "opsbook", mixinStandardHelpOptions = true, versionProvider = VersionText.class,
    description = "A static-site generator for operations knowledge that checks every config snippet.",
    footer = {"", "Run 'opsbook COMMAND --help' for a command's options."})
public final class Main implements Callable<Integer> {
  /** The subcommands, in the order help lists them. */
  private static final List<Class<?>> COMMANDS = List.of(
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
      CommandLine.HelpCommand.class);

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Set by {@code -C DIR}; read through {@link WorkingFolder}. */
  Path directory;

  @Option(names = {"-C", "--directory"}, paramLabel = "DIR",
      description = "Run as if opsbook had been started in DIR: relative paths, content/, site/ and opsbook.yaml are read from there.")
  void directory(Path dir) {
    if (dir.toString().isBlank() || !Files.isDirectory(Path.of("").toAbsolutePath().resolve(dir))) {
      throw new ParameterException(spec.commandLine(), "-C '" + dir + "' is not a folder");
    }
    this.directory = dir;
  }

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
    // JNA unpacks its native stub to ~/.cache/JNA unless told otherwise; a build must leave
    // nothing in the user's home, so the stub goes to the temporary folder it is deleted from.
    if (System.getProperty("jna.tmpdir") == null) {
      System.setProperty("jna.tmpdir", System.getProperty("java.io.tmpdir"));
    }
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
    // picocli reads every command's annotations when it is added; a run that names its command
    // reads only that one's, which is most of the start-up work the command line does.
    String first = args.length > 0 ? args[0] : "";
    // help and completion describe every command, so they need them all.
    boolean named = !first.equals("help") && !first.equals("completion")
        && COMMANDS.stream().anyMatch(c -> commandName(c).equals(first));
    for (Class<?> command : COMMANDS) {
      if (!named || commandName(command).equals(first)) {
        cli.addSubcommand(commandName(command), command);
      }
    }
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
    // picocli answers --help even among words it did not understand, so 'opsbook serverconfig
    // --help' printed the command list and exited 0: a misspelt command or option is an error
    // whatever else the line asks for.
    cli.setExecutionStrategy(parseResult -> {
      for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
        if (!r.unmatched().isEmpty()) {
          throw new UnmatchedArgumentException(r.commandSpec().commandLine(), r.unmatched());
        }
      }
      return new CommandLine.RunLast().execute(parseResult);
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter e = commandLine.getErr();
      e.println("opsbook: internal error: " + ex);
      e.println("this is a bug in opsbook; set OPSBOOK_DEBUG=1 for the stack trace");
      if (Environment.current().debug()) {
        ex.printStackTrace(e);
      }
      e.flush();
      return ExitCodes.INTERNAL;
    });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli hands errors on; by now the build that filled the heap has been let go, so there
      // is room to say what to do instead of a stack trace.
      err.println("opsbook: out of memory: the site needs more than the Java heap allows ("
          + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB)");
      err.println("give Java more: OPSBOOK_JAVA_OPTS replaces the launcher's JVM options, so give them again with -Xmx,"
          + " e.g. OPSBOOK_JAVA_OPTS='-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:MaxNewSize=128m -XX:MaxTenuringThreshold=0"
          + " -Xmx8g' ./opsbook build");
      err.flush();
      return ExitCodes.USAGE;
    }
  }

  /** The command line with every command, as help and completion describe it. */
  static CommandLine full() {
    CommandLine cli = new CommandLine(new Main());
    for (Class<?> command : COMMANDS) {
      cli.addSubcommand(commandName(command), command);
    }
    return cli;
  }

  private static String commandName(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  private static String commandPath(CommandLine cl) {
    return cl.getParent() == null ? "" : cl.getCommandSpec().qualifiedName(" ").substring("opsbook ".length()) + " ";
  }
}

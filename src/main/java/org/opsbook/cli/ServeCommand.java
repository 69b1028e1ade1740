package org.opsbook.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URISyntaxException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.report.TerminalText;
import org.opsbook.serve.PreviewServer;
import org.opsbook.site.Build;
import org.opsbook.site.BuildOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code opsbook serve}: the live preview on 127.0.0.1. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    header = "Preview the site, rebuilt and reloaded as you edit.",
    description = {
      "Build the site with drafts, serve it on http://127.0.0.1:PORT/, and rebuild and reload the"
          + " open page whenever content/, themes/, layouts/ or opsbook.yaml change. Diagnostics show in"
          + " the terminal and over the page; a broken article never stops the server."
    })
public final class ServeCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;
  @Spec CommandSpec spec;

  @Option(names = {"-p", "--port"}, defaultValue = "" + PreviewServer.DEFAULT_PORT, paramLabel = "PORT",
      description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      err.println("serve: port " + port + " is out of range; use 1-65535, or 0 for any free port");
      return ExitCodes.USAGE;
    }
    Environment env = Environment.current();
    BuildOptions options;
    try {
      // One clock for the whole session: time-dependent checks answer as of the server's start,
      // and an edit never redoes an article only because time passed.
      options = project.toBuildOptions(null).withClock(java.time.Instant.now(), env.sourceDateEpoch())
          .withListener(Listeners.of(env, false, err));
    } catch (URISyntaxException e) {
      err.println("opsbook: " + e.getReason() + " (got '" + e.getInput() + "')");
      return ExitCodes.USAGE;
    }
    // The JDK's HTTP server leaves Nagle's algorithm on: a response on a kept-alive connection
    // then waits for the browser's delayed acknowledgement, about 40 ms on Linux, on every reload.
    // The server reads this once, when it first starts; a value the user set is kept.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    PreviewServer server;
    try {
      server = PreviewServer.start(new Build(CheckerRegistry.load()), options, port, out,
          () -> new FileSourceLines(options.projectRoot()));
    } catch (BindException e) {
      err.println("serve: port " + port + " on 127.0.0.1 is in use; choose another with --port");
      return ExitCodes.USAGE;
    } catch (IOException | RuntimeException e) {
      err.println("serve: cannot start: " + TerminalText.escape(String.valueOf(e.getMessage())));
      return ExitCodes.USAGE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "opsbook-serve-stop"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.close();
    }
    return ExitCodes.CLEAN;
  }
}

package org.opsbook.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.opsbook.publish.LocalReleaseStore;
import org.opsbook.publish.OutputFolderGuard;
import org.opsbook.publish.UnsafeOutputException;
import org.opsbook.publish.ProcessRunner;
import org.opsbook.publish.PublishException;
import org.opsbook.publish.PublishTarget;
import org.opsbook.publish.Publisher;
import org.opsbook.publish.ReleaseStore;
import org.opsbook.publish.SshReleaseStore;
import org.opsbook.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code opsbook publish}: a new release folder and an atomic switch of {@code current}. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    header = "Publish the built site as a new release, here or over SSH.",
    description = {
      "Publish the built site as a new release folder and switch the 'current' link to it in one"
          + " rename, here or over SSH with rsync. A site whose build found errors is refused unless --allow-errors.",
      "Layout at the destination: releases/<UTC timestamp>/ and current -> releases/<newest>."
    })
public final class PublishCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--to", required = true, paramLabel = "DIR|[USER@]HOST:/PATH",
      description = "Where to publish: a folder on this machine, or host:/absolute/path over SSH.")
  String to;

  @Option(names = "--site", defaultValue = "site", paramLabel = "DIR",
      description = "The built site to publish (default: ${DEFAULT-VALUE}).")
  Path site;

  @Option(names = "--keep", defaultValue = "5", paramLabel = "N",
      description = "How many releases to keep, the live one included (default: ${DEFAULT-VALUE}).")
  int keep;

  @Option(names = "--rollback", description = "Switch current back to the release before it, and upload nothing.")
  boolean rollback;

  @Option(names = "--dry-run", description = "Say what would be done, and change nothing.")
  boolean dryRun;

  @Option(names = "--allow-errors",
      description = "Publish a site whose build found errors (built with --report-only); drafts are still refused.")
  boolean allowErrors;

  @Option(names = "--rsh", defaultValue = "ssh", paramLabel = "COMMAND",
      description = "The ssh command with its options, as for rsync -e, e.g. \"ssh -p 2222 -i ~/.ssh/deploy\""
          + " (default: ${DEFAULT-VALUE}). Split at spaces.")
  String rsh;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path cwd = WorkingFolder.of(spec);
    try {
      PublishTarget target = PublishTarget.parse(to, cwd);
      if (target instanceof PublishTarget.Local local) {
        try {
          OutputFolderGuard.forProject(cwd, cwd.resolve("content"), cwd.resolve("opsbook.yaml"))
              .alsoProtecting(cwd.resolve(site), "the site being published")
              .checkReleaseStore(to, local.root());
        } catch (UnsafeOutputException e) {
          err.print("publish: " + TerminalText.escape(e.getMessage()) + "\n  hint: " + TerminalText.escape(e.hint()) + "\n");
          err.flush();
          return ExitCodes.USAGE;
        }
      }
      ReleaseStore store = storeFor(target);
      Publisher publisher = new Publisher(store, Clock.systemUTC(), out);
      if (rollback) {
        publisher.rollback(dryRun);
      } else {
        publisher.publish(cwd.resolve(site), keep, dryRun, allowErrors);
      }
      out.flush();
      return ExitCodes.CLEAN;
    } catch (PublishException e) {
      out.flush();
      err.print("publish: " + TerminalText.escape(e.getMessage()) + "\n");
      err.flush();
      // A refused build is a finding (exit 1); a failed transfer or bad --to is exit 2.
      return e.isRefusal() ? ExitCodes.FINDINGS : ExitCodes.USAGE;
    }
  }

  private ReleaseStore storeFor(PublishTarget target) {
    if (target instanceof PublishTarget.Remote remote) {
      return new SshReleaseStore(remote, rsh, ProcessRunner.system(Duration.ofMinutes(30)));
    }
    return new LocalReleaseStore(((PublishTarget.Local) target).root());
  }
}

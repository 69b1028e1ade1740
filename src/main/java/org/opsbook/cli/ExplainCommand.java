package org.opsbook.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.RuleInfo;
import org.opsbook.markdown.TerminalMarkdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opsbook explain RULE}: a rule's documentation; {@code --list} lists every rule. */
@Command(name = "explain", description = "Print a rule's documentation, or list every rule.",
    mixinStandardHelpOptions = true)
public final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--list", description = "List every rule with its severity and summary.")
  boolean list;

  @Parameters(arity = "0..1", paramLabel = "RULE", description = "A rule ID such as sshd.unknown-keyword.")
  String rule;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "auto, always or never (default: auto: on a terminal, unless NO_COLOR is set).")
  String color;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CheckerRegistry registry = CheckerRegistry.load();
    if (list || rule == null) {
      for (RuleInfo r : registry.rules()) {
        out.printf("%-40s %-7s %s%n", r.id(), r.severity().label(), r.summary());
      }
      out.flush();
      return ExitCodes.CLEAN;
    }
    Optional<RuleInfo> info = registry.rule(rule);
    if (info.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("opsbook: no rule '" + rule + "'");
      registry.closestRule(rule).ifPresent(near -> err.println("did you mean '" + near + "'?"));
      err.println("'opsbook explain --list' lists every rule");
      err.flush();
      return ExitCodes.USAGE;
    }
    RuleInfo r = info.get();
    out.println(r.id() + " (" + r.severity().label() + (r.wholeFile() ? ", whole-file" : "") + ")");
    if (!r.id().value().equals(rule)) {
      out.println("formerly " + rule);
    }
    TerminalMarkdown terminal = new TerminalMarkdown(80, useColor());
    out.print(terminal.render(r.summary()));
    if (!r.explanation().isBlank()) {
      out.println();
      out.print(terminal.render(r.explanation()));
    }
    out.flush();
    return ExitCodes.CLEAN;
  }

  private boolean useColor() {
    return color.equals("always") || color.equals("auto") && System.console() != null && !Environment.current().noColor();
  }
}

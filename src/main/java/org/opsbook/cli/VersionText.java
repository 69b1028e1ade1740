package org.opsbook.cli;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.Checker;
import org.opsbook.check.CheckerRegistry;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code opsbook --version}: the tool's version, then each checker with the release of the program
 * it reproduces, since a verdict is only as good as the release it was modelled on.
 */
final class VersionText implements IVersionProvider {
  static final String VERSION = "0.1.0";

  @Override
  public String[] getVersion() {
    List<String> lines = new ArrayList<>();
    lines.add("opsbook " + VERSION);
    lines.add("checkers and the releases they reproduce:");
    for (Checker c : CheckerRegistry.load().checkers()) {
      String languages = String.join(", ", c.languages());
      lines.add(String.format("  %-10s %-16s %s", c.id(), c.reference().isEmpty() ? "-" : c.reference(), languages));
    }
    return lines.toArray(String[]::new);
  }
}

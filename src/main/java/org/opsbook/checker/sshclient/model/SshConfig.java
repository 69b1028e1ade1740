package org.opsbook.checker.sshclient.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed ssh_config file: its directives in file order. Host and Match lines are directives too;
 * the lines after one belong to its block until the next Host or Match, as in ssh_config(5).
 */
public record SshConfig(List<Directive> directives) {
  public SshConfig {
    directives = List.copyOf(directives);
  }

  /** The Host or Match line that opens the block holding {@code d}, or {@code null} at top level. */
  public Directive blockOf(Directive d) {
    Directive block = null;
    for (Directive each : directives) {
      if (each == d) {
        return d.isBlockStart() ? null : block;
      }
      if (each.isBlockStart()) {
        block = each;
      }
    }
    return null;
  }

  /** Every directive with a given lower-case name, in order. */
  public List<Directive> named(String name) {
    List<Directive> out = new ArrayList<>();
    for (Directive d : directives) {
      if (d.name().equals(name)) {
        out.add(d);
      }
    }
    return out;
  }
}

package org.opsbook.checker.sshd.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed sshd_config: its directives in file order and its Match blocks. Directives whose keyword
 * sshd rejected are left out; the parser reports them.
 */
public record SshdConfig(List<Directive> directives, List<MatchBlock> blocks) {
  public SshdConfig {
    directives = List.copyOf(directives);
    blocks = List.copyOf(blocks);
  }

  /** Directives of a keyword (canonical lower-case name), in file order, global and in Match blocks. */
  public List<Directive> all(String canonicalLowerName) {
    List<Directive> found = new ArrayList<>();
    for (Directive d : directives) {
      if (d.lowerKeyword().equals(canonicalLowerName)) {
        found.add(d);
      }
    }
    return found;
  }

  /** Directives of the global section only (before the first Match line). */
  public List<Directive> global(String canonicalLowerName) {
    List<Directive> found = new ArrayList<>();
    for (Directive d : all(canonicalLowerName)) {
      if (!d.isInMatch()) {
        found.add(d);
      }
    }
    return found;
  }

  /** Whether any directive, anywhere, uses one of the keywords given in lower case. */
  public boolean mentions(String... lowerNames) {
    for (Directive d : directives) {
      for (String n : lowerNames) {
        if (d.lowerKeyword().equals(n.toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
    }
    return false;
  }
}

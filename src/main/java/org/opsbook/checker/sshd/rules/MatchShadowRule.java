package org.opsbook.checker.sshd.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.catalog.Keyword;
import org.opsbook.checker.sshd.catalog.KeywordCatalog;
import org.opsbook.checker.sshd.catalog.Multiplicity;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.checker.sshd.model.MatchBlock;
import org.opsbook.checker.sshd.model.MatchCriterion;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/** A Match block setting a keyword that an earlier, broader Match block always sets first. */
public final class MatchShadowRule implements SshdRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.match-shadowed", Severity.WARNING,
      "A Match block sets a keyword that an earlier block always sets first",
      """
      Match blocks do not work like firewall rules where the most specific wins, nor like most
      configuration files where the last line wins. sshd evaluates every block that matches a
      connection, and for each keyword the **first** matching block's value is used.

      So in

      ```
      Match All
          X11Forwarding no
      Match User designer
          X11Forwarding yes
      ```

      the designer never gets X11 forwarding: `Match All` matched first. The same happens when an
      earlier block has a subset of the later block's criteria (`Match User bob` before
      `Match User bob Address 10.0.0.0/8`).

      **What sshd does.** servconf.c re-reads the file for each connection with only matching
      blocks active and keeps the first value of each option; those values then replace the
      global ones.

      **Fix.** Put specific blocks before general ones, or move the general setting to the global
      section (before the first Match line), where any matching block overrides it. Check the
      result with `sshd -T -C user=...,addr=...` or a `test` block.

      **Source.** sshd_config(5), Match; servconf.c parse_server_match_config().
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RuleInput input, List<Diagnostic> out) {
    List<Directive> ds = input.config().directives();
    for (Directive later : ds) {
      if (!later.isInMatch()) {
        continue;
      }
      Keyword kw = KeywordCatalog.find(later.keyword()).orElse(null);
      if (kw == null || kw.multiplicity() != Multiplicity.FIRST_WINS) {
        continue;
      }
      MatchBlock laterBlock = input.config().blocks().get(later.block());
      for (Directive earlier : ds) {
        if (earlier.line() >= later.line()) {
          break;
        }
        if (!earlier.isInMatch() || earlier.block() == later.block() || !earlier.keyword().equals(later.keyword())) {
          continue;
        }
        MatchBlock earlierBlock = input.config().blocks().get(earlier.block());
        if (alwaysMatchesFirst(earlierBlock, laterBlock) && !laterBlock.isAll()) {
          out.add(input.report(INFO, later, -1, later.written() + " here never takes effect: every connection"
                  + " that matches 'Match " + laterBlock.describe() + "' also matches 'Match "
                  + earlierBlock.describe() + "' on line " + earlierBlock.line() + ", which sets " + earlier.written()
                  + " first",
              "move this block above line " + earlierBlock.line() + ", or set the general value before the first Match"));
          break;
        }
      }
    }
  }

  /** Whether every connection matching {@code later} matches {@code earlier}: All, or a subset of its criteria. */
  private static boolean alwaysMatchesFirst(MatchBlock earlier, MatchBlock later) {
    if (!earlier.valid() || !later.valid()) {
      return false;
    }
    if (earlier.isAll()) {
      return true;
    }
    for (MatchCriterion c : earlier.criteria()) {
      boolean present = later.criteria().stream().anyMatch(
          l -> l.lowerAttribute().equals(c.lowerAttribute()) && l.pattern().equals(c.pattern()));
      if (!present) {
        return false;
      }
    }
    return true;
  }
}

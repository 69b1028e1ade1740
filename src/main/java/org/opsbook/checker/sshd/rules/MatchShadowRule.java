package org.opsbook.checker.sshd.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.checker.sshd.effective.LoadedConfig;
import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.catalogue.Keyword;
import org.opsbook.checker.sshd.catalogue.KeywordCatalogue;
import org.opsbook.checker.sshd.catalogue.Multiplicity;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.checker.sshd.model.MatchBlock;
import org.opsbook.checker.sshd.model.MatchCriterion;
import org.opsbook.diag.Severity;

/** A Match block setting a keyword that an earlier, broader Match block always sets first. */
public final class MatchShadowRule implements Rule<LoadedConfig> {

  @Override
  public RuleInfo info() {
    return SshdRules.MATCH_SHADOWED;
  }

  @Override
  public void check(LoadedConfig input, Findings out) {
    List<Directive> ds = input.config().directives();
    for (Directive later : ds) {
      if (!later.isInMatch()) {
        continue;
      }
      Keyword kw = KeywordCatalogue.find(later.keyword()).orElse(null);
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
          input.report(out, SshdRules.MATCH_SHADOWED, later, -1, later.written() + " here never takes effect: every connection"
                  + " that matches 'Match " + laterBlock.describe() + "' also matches 'Match "
                  + earlierBlock.describe() + "' on line " + earlierBlock.line() + ", which sets " + earlier.written()
                  + " first",
              "move this block above line " + earlierBlock.line() + ", or set the general value before the first Match");
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

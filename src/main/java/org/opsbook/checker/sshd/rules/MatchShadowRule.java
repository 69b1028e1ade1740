package org.opsbook.checker.sshd.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.catalogue.Keyword;
import org.opsbook.checker.sshd.catalogue.KeywordCatalogue;
import org.opsbook.checker.sshd.catalogue.Multiplicity;
import org.opsbook.checker.sshd.effective.LoadedConfig;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.checker.sshd.model.MatchBlock;
import org.opsbook.checker.sshd.model.MatchCriterion;
import org.opsbook.checker.sshd.model.SshdConfig;

/**
 * A Match block setting a keyword that an earlier block always sets first: {@code Match All}, or a
 * block whose criteria are a subset of the later block's. Blocks are compared through their
 * criteria sets, not pairwise: each earlier block is filed under its keyword and criteria, and a
 * later block looks up the subsets of its own criteria, so the work grows with the number of lines
 * (times 2 to the number of criteria of a line, at most {@value #MAX_CRITERIA}). A Match line with
 * more criteria is not compared, and says so.
 */
public final class MatchShadowRule implements Rule<LoadedConfig> {
  /** The most criteria of one Match line whose subsets are looked up (2^8 lookups per line). */
  static final int MAX_CRITERIA = 8;

  @Override
  public RuleInfo info() {
    return SshdRules.MATCH_SHADOWED;
  }

  @Override
  public List<RuleInfo> reports() {
    return List.of(SshdRules.MATCH_SHADOWED, SshdRules.MATCH_SHADOW_NOT_CHECKED);
  }

  @Override
  public void check(LoadedConfig input, Findings out) {
    SshdConfig config = input.config();
    List<Directive> ds = config.directives();
    // keyword + criteria set -> the two earliest directives that set it, from different blocks
    Map<String, int[]> earliest = new HashMap<>();
    Map<Integer, List<String>> criteriaOf = new HashMap<>();
    Set<Integer> notChecked = new HashSet<>();
    for (int i = 0; i < ds.size(); i++) {
      Directive later = ds.get(i);
      // Blocks nested through an Include inside Match are left out: their condition is a chain.
      if (later.chain().size() != 1) {
        continue;
      }
      Keyword kw = KeywordCatalogue.find(later.keyword()).orElse(null);
      MatchBlock block = config.blocks().get(later.block());
      if (kw == null || kw.multiplicity() != Multiplicity.FIRST_WINS || !block.valid()) {
        continue;
      }
      List<String> criteria = criteriaOf.computeIfAbsent(later.block(), b -> criteria(block));
      if (criteria.size() > MAX_CRITERIA) {
        if (notChecked.add(later.block())) {
          input.reportAtLine(out, SshdRules.MATCH_SHADOW_NOT_CHECKED, block.file(), block.line(), 1,
              "this Match line has " + criteria.size() + " criteria, and"
              + " opsbook compares blocks of up to " + MAX_CRITERIA + ": whether an earlier block always sets its"
              + " keywords first is not checked", "split the block, or check it with sshd -T -C", false);
        }
        continue;
      }
      if (!block.isAll()) {
        int found = firstShadowing(earliest, ds, kw.lowerName(), criteria, later.block());
        if (found >= 0) {
          report(input, out, later, ds.get(found));
        }
      }
      String key = kw.lowerName() + '\u0000' + String.join("\u0001", criteria);
      int[] slots = earliest.computeIfAbsent(key, k -> new int[] {-1, -1});
      if (slots[0] < 0) {
        slots[0] = i;
      } else if (slots[1] < 0 && ds.get(slots[0]).block() != later.block()) {
        slots[1] = i;
      }
    }
  }

  /**
   * The earliest directive setting {@code keyword} in another block whose criteria are a subset of
   * {@code criteria} ({@code Match All} has none), or -1: every subset is one lookup.
   */
  private static int firstShadowing(Map<String, int[]> earliest, List<Directive> ds, String keyword,
      List<String> criteria, int laterBlock) {
    int best = -1;
    int m = criteria.size();
    StringBuilder key = new StringBuilder();
    for (int mask = 0; mask < (1 << m); mask++) {
      key.setLength(0);
      key.append(keyword).append('\u0000');
      boolean first = true;
      for (int k = 0; k < m; k++) {
        if ((mask & (1 << k)) != 0) {
          if (!first) {
            key.append('\u0001');
          }
          key.append(criteria.get(k));
          first = false;
        }
      }
      int[] slots = earliest.get(key.toString());
      if (slots == null) {
        continue;
      }
      for (int s : slots) {
        if (s >= 0 && ds.get(s).block() != laterBlock) {
          if (best < 0 || s < best) {
            best = s;
          }
          break;
        }
      }
    }
    return best;
  }

  /** A block's criteria as sorted, distinct {@code attribute pattern} keys; none for Match All. */
  private static List<String> criteria(MatchBlock block) {
    if (block.isAll()) {
      return List.of();
    }
    Set<String> keys = new TreeSet<>();
    for (MatchCriterion c : block.criteria()) {
      keys.add(c.lowerAttribute() + ' ' + c.pattern());
    }
    return new ArrayList<>(keys);
  }

  private static void report(LoadedConfig input, Findings out, Directive later, Directive earlier) {
    SshdConfig config = input.config();
    MatchBlock laterBlock = config.blocks().get(later.block());
    MatchBlock earlierBlock = config.blocks().get(earlier.block());
    String earlierLine = config.where(earlierBlock.file(), earlierBlock.line());
    input.reportCombined(out, SshdRules.MATCH_SHADOWED, later, earlier, -1, later.written()
            + " here never takes effect: every connection that matches 'Match " + laterBlock.describe()
            + "' also matches 'Match " + earlierBlock.describe() + "' on " + earlierLine + ", which sets "
            + earlier.written() + " first",
        "move this block above " + earlierLine + ", or set the general value before the first Match");
  }
}

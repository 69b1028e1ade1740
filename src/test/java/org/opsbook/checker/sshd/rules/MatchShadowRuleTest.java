package org.opsbook.checker.sshd.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opsbook.check.Findings;
import org.opsbook.check.IncludedFiles;
import org.opsbook.check.Snippet;
import org.opsbook.checker.openssh.OpensshVersion;
import org.opsbook.checker.sshd.catalogue.KeywordCatalogue;
import org.opsbook.checker.sshd.catalogue.Multiplicity;
import org.opsbook.checker.sshd.effective.LoadedConfig;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.checker.sshd.model.MatchBlock;
import org.opsbook.checker.sshd.model.SshdConfig;
import org.opsbook.checker.sshd.syntax.SshdParser;
import org.opsbook.diag.Diagnostic;

/**
 * The Match-shadow rule looks blocks up by their criteria sets instead of comparing every pair.
 * On seeded random files it must find exactly what the pairwise definition finds: a directive in
 * a block is shadowed when an earlier directive with the same keyword sits in another valid block
 * that is Match All or whose criteria are a subset of its block's.
 */
class MatchShadowRuleTest {
  private static final String[] CRITERIA = {"User alice", "User bob", "Address 192.0.2.0/24", "Host *.example.org",
      "LocalPort 22", "Group staff", "User alice,bob"};
  private static final String[] LINES = {"PermitTTY no", "X11Forwarding yes", "MaxSessions 3", "AcceptEnv LANG",
      "PermitTTY yes"};

  @Test
  void findsExactlyWhatComparingEveryPairFinds() {
    Random random = new Random(20261204L);
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      int blocks = 1 + random.nextInt(8);
      for (int b = 0; b < blocks; b++) {
        if (random.nextInt(6) == 0) {
          text.append("Match All\n");
        } else {
          text.append("Match");
          int n = 1 + random.nextInt(3);
          for (int c = 0; c < n; c++) {
            text.append(' ').append(CRITERIA[random.nextInt(CRITERIA.length)]);
          }
          text.append('\n');
        }
        int lines = random.nextInt(4);
        for (int l = 0; l < lines; l++) {
          text.append("  ").append(LINES[random.nextInt(LINES.length)]).append('\n');
        }
      }
      Snippet s = Snippet.of("sshd_config", text.toString(), "a.md", Map.of());
      SshdConfig config = SshdParser.parse(s, IncludedFiles.NONE, x -> false, OpensshVersion.DEBIAN_12, new Findings(s));
      Findings found = new Findings(s);
      new MatchShadowRule().check(new LoadedConfig(config, OpensshVersion.DEBIAN_12), found);
      TreeSet<Integer> fast = new TreeSet<>();
      for (Diagnostic d : found.diagnostics()) {
        fast.add(d.where().line());
      }
      assertEquals(pairwise(config), fast, text.toString());
    }
  }

  /** The rule's definition, one pair at a time. */
  private static TreeSet<Integer> pairwise(SshdConfig config) {
    TreeSet<Integer> lines = new TreeSet<>();
    List<Directive> ds = config.directives();
    for (int i = 0; i < ds.size(); i++) {
      Directive later = ds.get(i);
      var kw = KeywordCatalogue.find(later.keyword()).orElseThrow();
      MatchBlock lb = config.blocks().get(later.block());
      if (kw.multiplicity() != Multiplicity.FIRST_WINS || !lb.valid() || lb.isAll()) {
        continue;
      }
      for (int j = 0; j < i; j++) {
        Directive earlier = ds.get(j);
        MatchBlock eb = config.blocks().get(earlier.block());
        if (earlier.block() == later.block() || !earlier.keyword().equals(later.keyword()) || !eb.valid()) {
          continue;
        }
        boolean subset = eb.isAll() || eb.criteria().stream().allMatch(c -> lb.criteria().stream()
            .anyMatch(l -> l.lowerAttribute().equals(c.lowerAttribute()) && l.pattern().equals(c.pattern())));
        if (subset) {
          lines.add(later.line());
          break;
        }
      }
    }
    return lines;
  }
}

package org.opsbook.checker.sshd.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.checker.sshd.effective.LoadedConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.catalogue.Keyword;
import org.opsbook.checker.sshd.catalogue.KeywordCatalogue;
import org.opsbook.checker.sshd.catalogue.Multiplicity;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Severity;

/** A keyword set twice in one scope: sshd keeps the first value (or, for a few, the last) silently. */
public final class DuplicateKeywordRule implements Rule<LoadedConfig> {

  @Override
  public RuleInfo info() {
    return SshdRules.DUPLICATE_KEYWORD;
  }

  @Override
  public void check(LoadedConfig input, Findings out) {
    Map<String, Directive> seen = new TreeMap<>();
    for (Directive d : input.config().directives()) {
      Keyword kw = KeywordCatalogue.find(d.keyword()).orElse(null);
      if (kw == null || (kw.multiplicity() != Multiplicity.FIRST_WINS && kw.multiplicity() != Multiplicity.LAST_WINS)) {
        continue;
      }
      // Lines after "Match All" are active in the same pass as the global section; a Match block
      // in an included file sits inside the blocks of its Include line.
      String scope = scopeOf(input, d);
      String key = scope + "/" + kw.lowerName();
      Directive earlier = seen.putIfAbsent(key, d);
      if (earlier == null) {
        continue;
      }
      String where = scope.isEmpty() ? "the global section" : "this Match block";
      if (kw.multiplicity() == Multiplicity.FIRST_WINS) {
        input.reportCombined(out, info(), d, earlier, -1, d.written() + " is already set on "
            + input.config().where(earlier.file(), earlier.line()) + " of " + where
            + "; sshd keeps the first value, so this line is ignored",
            "delete this line, or move its value to " + input.config().where(earlier.file(), earlier.line()));
      } else {
        input.reportCombined(out, info(), earlier, d, -1, earlier.written() + " is set again on "
            + input.config().where(d.file(), d.line()) + " of " + where
            + "; for this keyword sshd keeps the last value, so this line is ignored",
            "delete this line");
        seen.put(key, d);
      }
    }
  }

  /** The Match blocks a line is read under, leaving out {@code Match All}, which applies everywhere. */
  private static String scopeOf(LoadedConfig input, Directive d) {
    StringBuilder b = new StringBuilder();
    for (int block : d.chain()) {
      if (!input.config().appliesGlobally(java.util.List.of(block))) {
        b.append(block).append(',');
      }
    }
    return b.toString();
  }
}

package org.opsbook.checker.iptables.rules;

import org.opsbook.check.RuleInfo;
import org.opsbook.checker.iptables.model.Match;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.iptables.syntax.Findings;
import org.opsbook.diag.Severity;

/** {@code -m state}, superseded by {@code -m conntrack}. */
public final class StateMatch implements LintRule {
  static final RuleInfo INFO = RuleInfo.of("iptables.state-match", Severity.INFO,
      "-m state is the old spelling of -m conntrack --ctstate",
      """
      The `state` match is kept for compatibility: the kernel implements it as an alias of the
      `conntrack` match, and iptables-extensions(8) says it is obsolete. `-m conntrack --ctstate`
      takes the same state names (plus SNAT and DNAT) and sits beside the other conntrack options
      (`--ctorigdst`, `--ctstatus`), so new rules should use it. nftables translations
      (`iptables-translate`) also expect the conntrack form.

      **Fix:** write `-m conntrack --ctstate ESTABLISHED,RELATED` instead of
      `-m state --state ESTABLISHED,RELATED`.

      Source: iptables-extensions(8), "state": "The "state" extension is a subset of the
      "conntrack" module."
      """);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintInput input, Findings out) {
    for (Rule r : input.ruleset().allRules()) {
      if (!input.isOwn(r)) {
        continue;
      }
      for (Match m : r.matches()) {
        if (m.module().equals("state")) {
          String states = m.option("state").map(o -> o.arg()).orElse("...");
          out.info(INFO.id().value(), m.at(), "-m state is obsolete; the conntrack match does the same",
              "write -m conntrack --ctstate " + states);
        }
      }
    }
  }
}

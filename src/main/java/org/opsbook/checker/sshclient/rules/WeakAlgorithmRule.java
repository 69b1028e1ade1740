package org.opsbook.checker.sshclient.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import java.util.List;
import java.util.Set;
import org.opsbook.checker.openssh.Algorithms;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.SshConfig;

/** An algorithm list that enables (or re-enables with {@code +}) a weak algorithm. */
public final class WeakAlgorithmRule implements Rule<SshConfig> {
  private static final Set<String> KEYWORDS = Set.of("ciphers", "macs", "kexalgorithms", "hostkeyalgorithms",
      "pubkeyacceptedalgorithms", "pubkeyacceptedkeytypes", "casignaturealgorithms",
      "hostbasedacceptedalgorithms", "hostbasedkeytypes");

  @Override
  public RuleInfo info() {
    return SshClientRules.WEAK_ALGORITHM;
  }

  @Override
  public List<RuleInfo> reports() {
    return List.of(SshClientRules.WEAK_ALGORITHM, SshClientRules.WEAK_ALGORITHM_SCOPED);
  }

  @Override
  public void check(SshConfig config, Findings out) {
    for (Directive d : config.directives()) {
      if (!KEYWORDS.contains(d.name()) || d.arguments().isEmpty()) {
        continue;
      }
      String v = d.firstValue();
      if (v.startsWith("-")) {
        continue;
      }
      String list = v.startsWith("+") || v.startsWith("^") ? v.substring(1) : v;
      for (String name : list.split(",")) {
        if (Algorithms.isWeak(name)) {
          // a legacy algorithm scoped to one Host block is the recommended practice: only note it
          boolean everywhere = Scopes.appliesToAll(config.blockOf(d));
          out.report(everywhere ? info() : SshClientRules.WEAK_ALGORITHM_SCOPED, d.line(), d.argumentColumn(0),
              d.keyword() + " enables " + name + ", which current guidance rates as weak",
              everywhere
                  ? "drop it; if one legacy device needs it, re-enable it with '+" + name
                      + "' in a Host block for that device only"
                  : "scoped to this block it is the accepted way to reach a legacy device; drop it once the device is replaced");
        }
      }
    }
  }
}

package org.opsbook.checker.sshclient.rules;

import java.util.List;
import java.util.Set;
import org.opsbook.checker.sshclient.catalog.Algorithms;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.Finding;
import org.opsbook.checker.sshclient.model.SshConfig;
import org.opsbook.checker.sshclient.model.SshRuleIds;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/** An algorithm list that enables (or re-enables with {@code +}) a weak algorithm. */
public final class WeakAlgorithmRule implements SshConfigRule {
  private static final Set<String> KEYWORDS = Set.of("ciphers", "macs", "kexalgorithms", "hostkeyalgorithms",
      "pubkeyacceptedalgorithms", "pubkeyacceptedkeytypes", "casignaturealgorithms",
      "hostbasedacceptedalgorithms", "hostbasedkeytypes");

  @Override
  public RuleId id() {
    return SshRuleIds.WEAK_ALGORITHM;
  }

  @Override
  public void check(SshConfig config, List<Finding> out) {
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
          Severity severity = Scopes.appliesToAll(config.blockOf(d)) ? Severity.WARNING : Severity.INFO;
          out.add(new Finding(d.line(), d.argumentColumn(0), id(), severity,
              d.keyword() + " enables " + name + ", which current guidance rates as weak",
              severity == Severity.INFO
                  ? "scoped to this block it is the accepted way to reach a legacy device; drop it once the device is replaced"
                  : "drop it; if one legacy device needs it, re-enable it with '+" + name
                      + "' in a Host block for that device only"));
        }
      }
    }
  }
}

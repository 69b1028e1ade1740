package org.opsbook.checker.sshclient.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opsbook.checker.sshclient.catalogue.KeywordCatalogue;
import org.opsbook.checker.sshclient.catalogue.KeywordSpec;
import org.opsbook.checker.openssh.OpensshVersion;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.SshConfig;

/**
 * A value set for every host (top of file, {@code Host *}, {@code Match all}) wins over the same
 * keyword in any later block, because ssh keeps the first value it obtains. General defaults belong
 * at the end of the file.
 */
public final class ShadowedByEarlierBlockRule implements Rule<SshConfig> {
  @Override
  public RuleInfo info() {
    return SshClientRules.SHADOWED_BY_EARLIER_BLOCK;
  }

  @Override
  public void check(SshConfig config, Findings out) {
    Map<String, Directive> global = new HashMap<>();
    Directive block = null;
    for (Directive d : config.directives()) {
      if (d.isBlockStart()) {
        block = d;
        continue;
      }
      Optional<KeywordSpec> spec = KeywordCatalogue.lookup(d.name(), OpensshVersion.of(9, 9));
      if (spec.isEmpty() || spec.get().accumulates() || !d.wellFormed() || d.arguments().isEmpty()) {
        continue;
      }
      String key = spec.get().canonical();
      Directive earlier = global.get(key);
      if (earlier != null && config.blockOf(earlier) != block) {
        out.report(info(), d.line(), d.column(),
            d.keyword() + " here never takes effect: line " + earlier.line() + " in "
                + Scopes.describe(config.blockOf(earlier)) + " already set it for every host, and ssh keeps the first value",
            "move the general block (Host *) to the end of the file, after the specific hosts");
      }
      if (Scopes.appliesToAll(block)) {
        global.putIfAbsent(key, d);
      }
    }
  }
}

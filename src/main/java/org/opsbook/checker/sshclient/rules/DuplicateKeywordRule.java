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

/** ssh_config(5): "the first obtained value will be used"; a repeat in the same block is dead. */
public final class DuplicateKeywordRule implements Rule<SshConfig> {
  @Override
  public RuleInfo info() {
    return SshClientRules.DUPLICATE_KEYWORD;
  }

  @Override
  public void check(SshConfig config, Findings out) {
    Map<String, Directive> seen = new HashMap<>();
    for (Directive d : config.directives()) {
      if (d.isBlockStart()) {
        seen.clear();
        continue;
      }
      Optional<KeywordSpec> spec = KeywordCatalogue.lookup(d.name(), OpensshVersion.of(9, 9));
      if (spec.isEmpty() || spec.get().accumulates() || !d.wellFormed() || d.arguments().isEmpty()) {
        continue;
      }
      Directive first = seen.putIfAbsent(spec.get().canonical(), d);
      if (first != null) {
        out.report(info(), d.line(), d.column(),
            d.keyword() + " repeats line " + first.line() + " in the same block; ssh keeps the first value ("
                + first.rest() + ") and ignores this one",
            "delete one of the two lines");
      }
    }
  }
}

package org.opsbook.checker.sshclient.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.checker.sshclient.catalog.KeywordCatalogue;
import org.opsbook.checker.sshclient.catalog.KeywordSpec;
import org.opsbook.checker.sshclient.catalog.OpenSshVersion;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.Finding;
import org.opsbook.checker.sshclient.model.SshConfig;
import org.opsbook.checker.sshclient.model.SshRuleIds;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/** ssh_config(5): "the first obtained value will be used"; a repeat in the same block is dead. */
public final class DuplicateKeywordRule implements SshConfigRule {
  @Override
  public RuleId id() {
    return SshRuleIds.DUPLICATE_KEYWORD;
  }

  @Override
  public void check(SshConfig config, List<Finding> out) {
    Map<String, Directive> seen = new HashMap<>();
    for (Directive d : config.directives()) {
      if (d.isBlockStart()) {
        seen.clear();
        continue;
      }
      Optional<KeywordSpec> spec = KeywordCatalogue.lookup(d.name(), OpenSshVersion.of(9, 9));
      if (spec.isEmpty() || spec.get().accumulates() || !d.wellFormed() || d.arguments().isEmpty()) {
        continue;
      }
      Directive first = seen.putIfAbsent(spec.get().canonical(), d);
      if (first != null) {
        out.add(new Finding(d.line(), d.column(), id(), Severity.WARNING,
            d.keyword() + " repeats line " + first.line() + " in the same block; ssh keeps the first value ("
                + first.rest() + ") and ignores this one",
            "delete one of the two lines"));
      }
    }
  }
}

package org.opsbook.checker.apache.rules;

import java.util.List;
import org.opsbook.check.Rule;
import org.opsbook.checker.apache.model.HttpdConfig;

/** The lint rules, in the order they run. */
public final class LintRules {
  public static final List<Rule<HttpdConfig>> ALL = List.of(new AccessCompatRule(), new RewriteFlagsAsTargetRule(),
      new RewriteEngineOffRule(), new HstsPlainHttpRule(), new ProxyPassReverseRule(), new SslOldProtocolRule());

  private LintRules() {}
}

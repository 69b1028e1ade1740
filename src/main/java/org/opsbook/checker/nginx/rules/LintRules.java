package org.opsbook.checker.nginx.rules;

import java.util.List;
import org.opsbook.check.Rule;
import org.opsbook.checker.nginx.model.NginxConfig;

/** The lint rules, in the order they run. */
public final class LintRules {
  private LintRules() {}

  public static final List<Rule<NginxConfig>> ALL = List.of(
      new AddHeaderInheritanceRule(), new AliasTraversalRule(), new HeaderWithoutAlwaysRule(), new ProxyPassHostRule(),
      new IfInLocationRule(), new WeakTlsRule(), new ServerTokensRule(), new RootInLocationRule());
}

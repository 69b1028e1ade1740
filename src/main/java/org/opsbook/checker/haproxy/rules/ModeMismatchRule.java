package org.opsbook.checker.haproxy.rules;

import java.util.Optional;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.haproxy.model.HaproxyConfig;
import org.opsbook.checker.haproxy.model.Line;
import org.opsbook.checker.haproxy.model.Proxy;

/** A TCP frontend whose default or named backend is an HTTP one. */
public final class ModeMismatchRule implements Rule<HaproxyConfig> {
  @Override
  public RuleInfo info() {
    return HaproxyRules.MODE_MISMATCH;
  }

  @Override
  public void check(HaproxyConfig model, Findings findings) {
    for (Proxy fe : model.frontends()) {
      if (fe.isHttp()) {
        continue;
      }
      fe.defaultBackend().ifPresent(d -> check(model, fe, d.value(), d.line(), findings));
      fe.switching().forEach(r -> check(model, fe, r.action(), r.line(), findings));
    }
  }

  private void check(HaproxyConfig model, Proxy fe, String name, Line line, Findings findings) {
    Optional<Proxy> be = model.backend(name);
    if (be.isPresent() && be.get().isHttp() && be.get() != fe) {
      Lines.report(findings, info(), line, 1, "tcp frontend '" + fe.name() + "' sends traffic to http backend '" + name
          + "'; the frontend's HTTP rules never see a request", "put mode http in frontend '" + fe.name() + "' too");
    }
  }
}

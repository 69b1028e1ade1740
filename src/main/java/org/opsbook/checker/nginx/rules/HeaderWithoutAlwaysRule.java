package org.opsbook.checker.nginx.rules;

import java.util.Locale;
import java.util.Set;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.nginx.model.Blocks;
import org.opsbook.checker.nginx.model.NginxConfig;
import org.opsbook.checker.nginx.validate.Reporter;

/** A security header added without {@code always}: error responses go out without it. */
public final class HeaderWithoutAlwaysRule implements Rule<NginxConfig> {
  /** Headers whose protection matters on error pages as much as on others. */
  static final Set<String> SECURITY_HEADERS = Set.of("strict-transport-security", "content-security-policy",
      "content-security-policy-report-only", "x-frame-options", "x-content-type-options", "referrer-policy",
      "permissions-policy", "cross-origin-opener-policy", "cross-origin-embedder-policy",
      "cross-origin-resource-policy", "x-xss-protection");

  @Override
  public RuleInfo info() {
    return NginxRules.HEADER_WITHOUT_ALWAYS;
  }

  @Override
  public void check(NginxConfig model, Findings findings) {
    Reporter report = new Reporter(findings);
    Blocks.walk(model.directives(), (d, ancestors) -> {
      if (d.name().equals("add_header") && d.args().size() == 2
          && SECURITY_HEADERS.contains(d.arg(0).toLowerCase(Locale.ROOT))) {
        report.at(info(), d, d.arg(0) + " is added without \"always\", so 4xx and 5xx responses go out without it",
            "add_header " + d.arg(0) + " \"...\" always;");
      }
    });
  }
}

package org.opsbook.checker.haproxy.rules;

import java.util.List;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.haproxy.model.HaproxyConfig;
import org.opsbook.checker.haproxy.model.Line;
import org.opsbook.checker.haproxy.model.Modifier;
import org.opsbook.checker.haproxy.model.Section;

/**
 * {@code option httpclose} next to {@code option forwardfor} (the HAProxy 1.4 idiom) or next to
 * another HTTP connection mode in the same section.
 */
public final class HttpcloseRule implements Rule<HaproxyConfig> {
  private static final List<String> OTHER_MODES = List.of("http-server-close", "http-keep-alive");

  @Override
  public RuleInfo info() {
    return HaproxyRules.HTTPCLOSE;
  }

  @Override
  public void check(HaproxyConfig model, Findings findings) {
    for (Section s : model.sections()) {
      Line httpclose = null;
      Line forwardfor = null;
      Line other = null;
      for (Line l : s.lines()) {
        if (!l.keyword().equals("option") || l.modifier() != Modifier.NONE) {
          continue;
        }
        String name = l.arg(1);
        if (name.equals("httpclose")) {
          httpclose = l;
        } else if (name.equals("forwardfor")) {
          forwardfor = l;
        } else if (OTHER_MODES.contains(name)) {
          other = l;
        }
      }
      if (httpclose == null) {
        continue;
      }
      if (other != null) {
        Lines.report(findings, info(), httpclose, 1, "option httpclose and option " + other.arg(1) + " in one section: "
            + "only the last one counts", "keep the one connection mode you mean");
      } else if (forwardfor != null) {
        Lines.report(findings, info(), httpclose, 1, "option httpclose beside option forwardfor is a HAProxy 1.4 "
            + "habit: since 1.5 every request gets X-Forwarded-For, and httpclose only closes every connection",
            "remove option httpclose and let keep-alive work");
      }
    }
  }
}

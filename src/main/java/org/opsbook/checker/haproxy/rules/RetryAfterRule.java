package org.opsbook.checker.haproxy.rules;

import java.util.Locale;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.haproxy.model.HaproxyConfig;
import org.opsbook.checker.haproxy.model.Line;
import org.opsbook.checker.haproxy.model.Section;

/**
 * A 503 reply HAProxy builds from the configuration ({@code http-request return status 503},
 * {@code deny deny_status 503} with a payload) without {@code hdr Retry-After}, or a 503
 * errorfile whose text the checker has and which has no {@code Retry-After} header.
 */
public final class RetryAfterRule implements Rule<HaproxyConfig> {
  @Override
  public RuleInfo info() {
    return HaproxyRules.RETRY_AFTER;
  }

  @Override
  public void check(HaproxyConfig model, Findings findings) {
    for (Section s : model.sections()) {
      for (Line l : s.lines()) {
        if (l.keyword().equals("errorfile") && l.arg(1).equals("503")) {
          String text = model.files().get(l.arg(2));
          if (text != null && !text.isEmpty() && !hasRetryAfter(text)) {
            Lines.report(findings, info(), l, 2, "the 503 errorfile " + l.arg(2) + " has no Retry-After header",
                "add a line such as 'Retry-After: 600' to its headers");
          }
          continue;
        }
        boolean reply = (l.keyword().equals("http-request") || l.keyword().equals("http-response"))
            && (l.arg(1).equals("return") || l.arg(1).equals("deny") || l.arg(1).equals("tarpit"));
        if (!reply) {
          continue;
        }
        boolean is503 = false;
        boolean retryAfter = false;
        boolean fromErrorfile = false;
        boolean payload = false;
        for (int i = 2; i < l.size(); i++) {
          String w = l.arg(i);
          if ((w.equals("status") || w.equals("deny_status")) && l.arg(i + 1).equals("503")) {
            is503 = true;
          } else if (w.equals("hdr") && l.arg(i + 1).toLowerCase(Locale.ROOT).equals("retry-after")) {
            retryAfter = true;
          } else if (w.equals("errorfile") || w.equals("errorfiles") || w.equals("default-errorfiles")) {
            fromErrorfile = true;
          } else if (w.equals("file") || w.equals("lf-file") || w.equals("string") || w.equals("lf-string")) {
            payload = true;
          } else if (w.equals("if") || w.equals("unless")) {
            break;
          }
        }
        boolean built = l.arg(1).equals("return") ? !fromErrorfile : payload;
        if (is503 && built && !retryAfter) {
          Lines.report(findings, info(), l, 1, "a 503 reply without Retry-After", "add hdr Retry-After 600 (seconds until "
              + "clients should try again)");
        }
      }
    }
  }

  private static boolean hasRetryAfter(String raw) {
    for (String line : raw.split("\n")) {
      String l = line.strip();
      if (l.isEmpty()) {
        return false;
      }
      if (l.toLowerCase(Locale.ROOT).startsWith("retry-after:")) {
        return true;
      }
    }
    return false;
  }
}

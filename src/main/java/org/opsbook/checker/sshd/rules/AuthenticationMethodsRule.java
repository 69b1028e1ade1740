package org.opsbook.checker.sshd.rules;

import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.checker.sshd.effective.LoadedConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Arg;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Severity;

/** AuthenticationMethods that no enabled method can satisfy: sshd refuses to start. */
public final class AuthenticationMethodsRule implements Rule<LoadedConfig> {

  /** Method name to the option that enables it (sshd -T keyword), per auth2.c's method table. */
  private static final Map<String, String> ENABLED_BY = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Map.of(
      "publickey", "pubkeyauthentication",
      "password", "passwordauthentication",
      "keyboard-interactive", "kbdinteractiveauthentication",
      "hostbased", "hostbasedauthentication",
      "gssapi-with-mic", "gssapiauthentication",
      "gssapi-keyex", "gssapikeyexchange")));

  @Override
  public RuleInfo info() {
    return SshdRules.UNSATISFIABLE_AUTHENTICATION_METHODS;
  }

  @Override
  public void check(LoadedConfig input, Findings out) {
    List<Directive> lists = input.config().global("authenticationmethods");
    if (lists.isEmpty()) {
      return;
    }
    Directive d = lists.get(0);
    List<String> problems = new ArrayList<>();
    for (Arg a : d.args()) {
      if (a.text().equals("any")) {
        return;
      }
      String disabled = firstDisabled(input, a.text());
      if (disabled == null) {
        return;
      }
      problems.add(disabled);
    }
    if (!problems.isEmpty()) {
      input.report(out, SshdRules.UNSATISFIABLE_AUTHENTICATION_METHODS, d, 0, "AuthenticationMethods cannot be satisfied: every list needs a"
          + " disabled method (" + String.join(", ", problems) + "); sshd refuses to start",
          "enable the methods (e.g. " + ENABLED_BY.getOrDefault(problems.get(0), "the method") + " yes) or change the lists");
    }
  }

  private static String firstDisabled(LoadedConfig input, String list) {
    for (String m : list.split(",", -1)) {
      String name = m.contains(":") ? m.substring(0, m.indexOf(':')) : m;
      String option = ENABLED_BY.get(name.toLowerCase(Locale.ROOT));
      if (option != null && !input.effective(option).equals("yes")) {
        return name;
      }
    }
    return null;
  }
}

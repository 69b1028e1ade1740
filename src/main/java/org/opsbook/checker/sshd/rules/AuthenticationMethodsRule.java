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
      // Debian's key-exchange method is enabled by GSSAPIAuthentication, not GSSAPIKeyExchange.
      "gssapi-keyex", "gssapiauthentication")));

  @Override
  public RuleInfo info() {
    return SshdRules.UNSATISFIABLE_AUTHENTICATION_METHODS;
  }

  @Override
  public List<RuleInfo> reports() {
    return List.of(SshdRules.UNSATISFIABLE_AUTHENTICATION_METHODS, SshdRules.AUTHENTICATION_METHODS_DISABLED);
  }

  /**
   * sshd.c checks the lists of the first AuthenticationMethods line it applies globally, in order,
   * until one can be completed: it logs each list before that one which needs a disabled method,
   * and stops when there is none.
   */
  @Override
  public void check(LoadedConfig input, Findings out) {
    Directive d = input.config().all("authenticationmethods").stream()
        .filter(x -> input.config().appliesGlobally(x.chain())).findFirst().orElse(null);
    if (d == null) {
      return;
    }
    List<String> problems = new ArrayList<>();
    List<Integer> disabledLists = new ArrayList<>();
    for (int i = 0; i < d.args().size(); i++) {
      String list = d.args().get(i).text();
      if (list.equals("any")) {
        return;
      }
      String disabled = firstDisabled(input, list);
      if (disabled == null) {
        for (int k = 0; k < disabledLists.size(); k++) {
          int arg = disabledLists.get(k);
          input.report(out, SshdRules.AUTHENTICATION_METHODS_DISABLED, d, arg, "Disabled method \"" + problems.get(k)
                  + "\" in AuthenticationMethods list \"" + d.args().get(arg).text() + "\": sshd logs this when it"
                  + " starts, and no login can complete this list",
              "enable " + ENABLED_BY.getOrDefault(problems.get(k), "the method") + ", or drop the list");
        }
        return;
      }
      problems.add(disabled);
      disabledLists.add(i);
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

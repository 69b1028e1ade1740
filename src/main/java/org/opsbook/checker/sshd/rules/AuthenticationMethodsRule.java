package org.opsbook.checker.sshd.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.Arg;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/** AuthenticationMethods that no enabled method can satisfy: sshd refuses to start. */
public final class AuthenticationMethodsRule implements SshdRule {
  static final RuleInfo INFO = RuleInfo.of("sshd.unsatisfiable-authentication-methods", Severity.ERROR,
      "AuthenticationMethods cannot be satisfied by the enabled methods",
      """
      `AuthenticationMethods publickey,password` demands a key *and* a password. If
      `PasswordAuthentication no` is also set, nobody can ever complete that list.

      **What sshd does.** At startup sshd checks the global `AuthenticationMethods` lists. If every
      list names a method that is disabled, it stops with "AuthenticationMethods cannot be satisfied
      by enabled authentication methods". Lists inside Match blocks are not checked at startup and
      simply lock the matching users out.

      **Fix.** Enable each method a list names (`PasswordAuthentication yes`,
      `KbdInteractiveAuthentication yes` for `keyboard-interactive`, ...), or change the list.

      **Source.** sshd.c and auth2.c (auth2_methods_valid); sshd_config(5).
      """);

  /** Method name to the option that enables it (sshd -T keyword), per auth2.c's method table. */
  private static final Map<String, String> ENABLED_BY = new TreeMap<>(Map.of(
      "publickey", "pubkeyauthentication",
      "password", "passwordauthentication",
      "keyboard-interactive", "kbdinteractiveauthentication",
      "hostbased", "hostbasedauthentication",
      "gssapi-with-mic", "gssapiauthentication",
      "gssapi-keyex", "gssapikeyexchange"));

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(RuleInput input, List<Diagnostic> out) {
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
      out.add(input.report(INFO, d, 0, "AuthenticationMethods cannot be satisfied: every list needs a"
          + " disabled method (" + String.join(", ", problems) + "); sshd refuses to start",
          "enable the methods (e.g. " + ENABLED_BY.getOrDefault(problems.get(0), "the method") + " yes) or change the lists"));
    }
  }

  private static String firstDisabled(RuleInput input, String list) {
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

package org.opsbook.checker.sshd.rules;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.RuleInfo;

/** The rules that run after parsing, in the order they run, and every rule the checker can report. */
public final class SshdRules {
  private SshdRules() {}

  /** Rules that mirror sshd's own startup checks beyond single lines. */
  public static final List<SshdRule> CONSISTENCY = List.of(
      new DuplicateKeywordRule(), new DuplicateSubsystemRule(), new CommandUserRule(), new AuthenticationMethodsRule());

  /** Hardening rules from published guidance. */
  public static final List<SshdRule> SECURITY = List.of(
      new PermitRootLoginRule(), new PasswordAuthenticationRule(), new PasswordAuthenticationDefaultRule(),
      new PermitEmptyPasswordsRule(), new WeakCipherRule(), new WeakMacRule(), new WeakKexRule(),
      new WeakHostKeyAlgorithmRule(), new X11ForwardingRule(), new AgentForwardingRule(), new MaxAuthTriesRule(),
      new MissingAccessListRule(), new PermitUserEnvironmentRule(), new HostbasedAuthenticationRule(),
      new IgnoreRhostsRule(), new StrictModesRule(), new GatewayPortsRule(), new LogLevelRule());

  /** Every rule: parser rules, consistency rules, security rules. */
  public static List<RuleInfo> infos() {
    List<RuleInfo> all = new ArrayList<>(ParserRules.ALL);
    for (SshdRule r : CONSISTENCY) {
      all.add(r.info());
    }
    for (SshdRule r : SECURITY) {
      all.add(r.info());
    }
    return List.copyOf(all);
  }
}

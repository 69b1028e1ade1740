package org.opsbook.checker.sshclient.model;

import org.opsbook.diag.RuleId;

/** The stable rule IDs of the ssh_config checker; their documentation lives with the checker. */
public final class SshRuleIds {
  private SshRuleIds() {}

  public static final RuleId UNKNOWN_KEYWORD = RuleId.of("ssh.unknown-keyword");
  public static final RuleId KEYWORD_TOO_NEW = RuleId.of("ssh.keyword-too-new");
  public static final RuleId MISSING_ARGUMENT = RuleId.of("ssh.missing-argument");
  public static final RuleId BAD_VALUE = RuleId.of("ssh.bad-value");
  public static final RuleId EXTRA_ARGUMENTS = RuleId.of("ssh.extra-arguments");
  public static final RuleId INVALID_QUOTES = RuleId.of("ssh.invalid-quotes");
  public static final RuleId BAD_MATCH = RuleId.of("ssh.bad-match");
  public static final RuleId DEPRECATED_KEYWORD = RuleId.of("ssh.deprecated-keyword");
  public static final RuleId UNSUPPORTED_KEYWORD = RuleId.of("ssh.unsupported-keyword");
  public static final RuleId RENAMED_KEYWORD = RuleId.of("ssh.renamed-keyword");
  public static final RuleId VENDOR_KEYWORD = RuleId.of("ssh.vendor-keyword");
  public static final RuleId IGNORED_UNKNOWN = RuleId.of("ssh.ignored-unknown-keyword");
  public static final RuleId INCLUDE_NOT_CHECKED = RuleId.of("ssh.include-not-checked");
  public static final RuleId DUPLICATE_KEYWORD = RuleId.of("ssh.duplicate-keyword");
  public static final RuleId SHADOWED_BY_EARLIER_BLOCK = RuleId.of("ssh.shadowed-by-earlier-block");
  public static final RuleId STRICT_HOST_KEY_CHECKING_OFF = RuleId.of("ssh.strict-host-key-checking-off");
  public static final RuleId KNOWN_HOSTS_DISCARDED = RuleId.of("ssh.known-hosts-discarded");
  public static final RuleId FORWARD_AGENT_EVERYWHERE = RuleId.of("ssh.forward-agent-everywhere");
  public static final RuleId FORWARD_X11_TRUSTED = RuleId.of("ssh.forward-x11-trusted");
  public static final RuleId WEAK_ALGORITHM = RuleId.of("ssh.weak-algorithm");
  public static final RuleId GATEWAY_PORTS = RuleId.of("ssh.gateway-ports");
  public static final RuleId PROXY_COMMAND_AND_JUMP = RuleId.of("ssh.proxycommand-and-proxyjump");
}

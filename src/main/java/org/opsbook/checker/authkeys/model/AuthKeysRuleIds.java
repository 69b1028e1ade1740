package org.opsbook.checker.authkeys.model;

import org.opsbook.diag.RuleId;

/** The stable rule IDs of the authorized_keys checker. */
public final class AuthKeysRuleIds {
  private AuthKeysRuleIds() {}

  public static final RuleId BAD_OPTION = RuleId.of("authkeys.bad-option");
  public static final RuleId UNKNOWN_KEY_TYPE = RuleId.of("authkeys.unknown-key-type");
  public static final RuleId BAD_KEY = RuleId.of("authkeys.bad-key");
  public static final RuleId TYPE_MISMATCH = RuleId.of("authkeys.key-type-mismatch");
  public static final RuleId UNRESTRICTED_FORCED_COMMAND = RuleId.of("authkeys.unrestricted-forced-command");
  public static final RuleId FORCED_COMMAND_WITHOUT_FROM = RuleId.of("authkeys.forced-command-without-from");
  public static final RuleId WEAK_KEY = RuleId.of("authkeys.weak-key");
  public static final RuleId EXPIRED = RuleId.of("authkeys.expired");
  public static final RuleId ENVIRONMENT_IGNORED = RuleId.of("authkeys.environment-needs-permituserenvironment");
  public static final RuleId PRINCIPALS_WITHOUT_CERT_AUTHORITY =
      RuleId.of("authkeys.principals-without-cert-authority");
  public static final RuleId BAD_FROM = RuleId.of("authkeys.bad-from");
}

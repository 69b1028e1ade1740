package org.opsbook.checker.sshd.catalogue;

/** What sshd does when a keyword appears more than once in the same scope. */
public enum Multiplicity {
  /** sshd_config(5): "the first obtained value will be used"; later lines are ignored. */
  FIRST_WINS,
  /** Each line overwrites the previous value (MaxStartups, IPQoS, FingerprintHash...). */
  LAST_WINS,
  /** Each line adds values (Port, HostKey, AllowUsers, AcceptEnv, Subsystem...). */
  ACCUMULATES,
  /** Structural keywords: Match and Include. */
  STRUCTURAL
}

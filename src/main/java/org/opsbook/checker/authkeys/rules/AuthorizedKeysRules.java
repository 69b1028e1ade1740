package org.opsbook.checker.authkeys.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** Every rule the authorized_keys checker reports, with its severity and explanation. */
public final class AuthorizedKeysRules {
  private AuthorizedKeysRules() {}

  public static final RuleInfo BAD_OPTION = RuleInfo.of("authkeys.bad-option", Severity.ERROR, "Option list that sshd rejects",
      """
          sshd reads the options before the key as a comma-separated list with no blanks \
          outside double quotes. An unknown option, a value without its double quotes, a \
          second `command=` or `from=`, a malformed `expiry-time`, `permitopen` or \
          `environment` makes sshd log `bad key options` and ignore the whole line: the key \
          silently stops working. A space after a comma ends the option list early, so what \
          follows is read as the key type.

          Source: sshd(8) AUTHORIZED_KEYS FILE FORMAT; auth-options.c `sshauthopt_parse`.""");

  public static final RuleInfo UNKNOWN_KEY_TYPE = RuleInfo.of("authkeys.unknown-key-type", Severity.ERROR, "Unknown or missing key type",
      """
          After the options comes the key type: `ssh-ed25519`, `ecdsa-sha2-nistp256`, \
          `ecdsa-sha2-nistp384`, `ecdsa-sha2-nistp521`, `sk-ssh-ed25519@openssh.com`, \
          `sk-ecdsa-sha2-nistp256@openssh.com`, `ssh-rsa`, `ssh-dss`, or one of their \
          `-cert-v01@openssh.com` forms. sshd skips a line it cannot read.

          Source: sshd(8); sshkey.c.""");

  public static final RuleInfo BAD_KEY = RuleInfo.of("authkeys.bad-key", Severity.ERROR, "Key data that does not decode",
      """
          The base64 blob must decode to a well-formed public key: broken or truncated \
          copies (a line wrapped by an editor or mail client) do not. RSA keys under 1024 bits \
          are refused outright. Copy the `.pub` file again as one line.

          Source: sshkey.c `sshkey_read`.""");

  public static final RuleInfo TYPE_MISMATCH = RuleInfo.of("authkeys.key-type-mismatch", Severity.ERROR, "Key type differs from the key data",
      """
          The blob names its own type; sshd rejects a line whose declared type differs (an \
          `ssh-rsa` label on an Ed25519 key, say). Write the type the blob holds.

          Source: sshkey.c `sshkey_read`.""");

  public static final RuleInfo UNRESTRICTED_FORCED_COMMAND = RuleInfo.of("authkeys.unrestricted-forced-command", Severity.WARNING, "Forced command without restrict",
      """
          `command=` fixes what runs, but on its own the key may still open TCP forwards \
          through the server, forward an agent or X11 and request a pty. For backup and \
          deployment keys put `restrict` first — it turns off every forwarding, the pty and \
          `~/.ssh/rc`, including features future releases add — then re-enable only what the \
          job needs (`restrict,pty,command=...`).

          Source: sshd(8) `restrict`, `command`.""");

  public static final RuleInfo FORCED_COMMAND_WITHOUT_FROM = RuleInfo.of("authkeys.forced-command-without-from", Severity.INFO, "Automation key usable from anywhere",
      """
          A key with a forced command usually belongs to a job on one known machine. Without \
          `from=`, a copied private key works from any address. Add `from="ADDRESS"` (patterns \
          and CIDR networks are allowed, `!` excludes).

          Source: sshd(8) `from`.""");

  public static final RuleInfo WEAK_KEY = RuleInfo.of("authkeys.weak-key", Severity.WARNING, "DSA or short RSA key",
      """
          DSA keys have been disabled by default since OpenSSH 7.0 and removed in later \
          releases; RSA keys under 2048 bits fall short of current guidance (NIST SP 800-57 \
          asks for 2048, 3072 preferred). opsbook decodes the key to read the modulus size. \
          Replace the key with `ssh-keygen -t ed25519`.

          Source: OpenSSH 7.0 release notes; NIST SP 800-57 part 1.""");

  public static final RuleInfo EXPIRED = RuleInfo.of("authkeys.expired", Severity.WARNING, "Key past its expiry-time",
      """
          `expiry-time="YYYYMMDD[HHMM[SS]]"` makes sshd refuse the key after that moment \
          (local time of the server). An expired line is dead weight and confuses the next \
          reader; remove it or renew the date.

          Source: sshd(8) `expiry-time`.""");

  public static final RuleInfo ENVIRONMENT_IGNORED = RuleInfo.of("authkeys.environment-needs-permituserenvironment", Severity.INFO, "environment= needs PermitUserEnvironment",
      """
          sshd honours `environment="NAME=value"` only when `sshd_config` sets \
          `PermitUserEnvironment` (default `no`, for good reason: variables such as \
          `LD_PRELOAD` can subvert the login). Set variables in the forced command instead.

          Source: sshd(8) `environment`; sshd_config(5) `PermitUserEnvironment`.""");

  public static final RuleInfo PRINCIPALS_WITHOUT_CERT_AUTHORITY = RuleInfo.of("authkeys.principals-without-cert-authority", Severity.ERROR, "principals= on a plain key",
      """
          `principals="alice,bob"` restricts which certificate principals a CA key accepts; it \
          belongs on `cert-authority` lines. On any other line sshd denies the login outright \
          (`principals on non-CA key`), so the key never works.

          Source: auth2-pubkeyfile.c `auth_authorise_keyopts`; sshd(8) `principals`.""");

  public static final RuleInfo BAD_FROM = RuleInfo.of("authkeys.bad-from", Severity.ERROR, "Malformed address in from=",
      """
          When a `from=` entry is an address/mask that does not parse — a prefix longer than the \
          address, or host bits set below the mask as in `192.0.2.10/24` — sshd treats the \
          whole list as an error and denies the key from everywhere.

          Source: match.c `match_host_and_ip`, addrmatch.c `addr_match_list`.""");

  public static final List<RuleInfo> ALL = List.of(BAD_OPTION, UNKNOWN_KEY_TYPE, BAD_KEY, TYPE_MISMATCH, UNRESTRICTED_FORCED_COMMAND, FORCED_COMMAND_WITHOUT_FROM, WEAK_KEY, EXPIRED, ENVIRONMENT_IGNORED, PRINCIPALS_WITHOUT_CERT_AUTHORITY, BAD_FROM);
}

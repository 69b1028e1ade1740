package org.opsbook.checker.sshclient;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshclient.model.SshRuleIds;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/** Documentation of every ssh_config rule: summary, default severity and explanation. */
final class SshClientRules {
  private SshClientRules() {}

  private static RuleInfo rule(RuleId id, Severity s, String summary, String explanation) {
    return new RuleInfo(id, s, summary, explanation, false, List.of());
  }

  static final List<RuleInfo> ALL = List.of(
      rule(SshRuleIds.UNKNOWN_KEYWORD, Severity.ERROR, "Keyword that ssh does not know",
          """
          ssh reads its whole configuration before connecting, and a keyword it does not know \
          makes it stop with `Bad configuration option` and `terminating, 1 bad configuration \
          options` — for every destination, not just the block the line sits in.

          Typical causes are typos and server keywords copied from `sshd_config` \
          (`PermitRootLogin`, `AllowUsers`...). Fix the spelling against `ssh_config(5)`. For \
          options of newer clients in a file shared with older ones, `IgnoreUnknown` placed \
          before them makes ssh skip them.

          Source: readconf.c `parse_token`, ssh_config(5)."""),
      rule(SshRuleIds.KEYWORD_TOO_NEW, Severity.ERROR, "Keyword newer than the targeted OpenSSH release",
          """
          The keyword exists, but only from a later OpenSSH release than the one the site \
          targets (`ssh.version` in `opsbook.yaml`, 9.2 by default). The older client rejects \
          it as a bad configuration option. Raise `ssh.version`, say which release the article \
          needs, or put `IgnoreUnknown Keyword` before it.

          Source: the keyword tables of readconf.c in each release."""),
      rule(SshRuleIds.MISSING_ARGUMENT, Severity.ERROR, "Keyword without its argument",
          """
          ssh refuses a keyword with nothing after it (`no argument after keyword`) or whose \
          arguments are only a comment (`Missing argument`). A `#` that starts a word begins a \
          comment, so `User # admin` has no user.

          Source: readconf.c `process_config_line_depth`."""),
      rule(SshRuleIds.BAD_VALUE, Severity.ERROR, "Value that ssh rejects",
          """
          The argument is not one ssh accepts for this keyword: a word outside its list (`yes`, \
          `no`, `ask`, `accept-new`...), a port outside 1–65535, a malformed time (`1h30m`), an \
          unknown algorithm name, a forwarding specification that does not parse. ssh stops \
          with a message naming the line. The hint lists the accepted forms.

          Source: readconf.c, ssh_config(5)."""),
      rule(SshRuleIds.EXTRA_ARGUMENTS, Severity.ERROR, "More arguments than the keyword takes",
          """
          ssh counts the arguments and refuses a line with words left over (`keyword user extra \
          arguments at end of line`). Quote values that contain spaces (`IdentityFile "~/My \
          Keys/id_ed25519"`).

          Source: readconf.c, end of `process_config_line_depth`."""),
      rule(SshRuleIds.INVALID_QUOTES, Severity.ERROR, "Unterminated quote",
          """
          A double or single quote opened and never closed: ssh reports `invalid quotes` and \
          refuses the file. Close the quote or escape a literal quote with a backslash.

          Source: misc.c `argv_split`."""),
      rule(SshRuleIds.BAD_MATCH, Severity.ERROR, "Malformed Match line",
          """
          `Match` takes criteria: `all` alone, `canonical`, `final`, or `host`, `originalhost`, \
          `user`, `localuser`, `exec` with one argument each (OpenSSH 9.4 adds `tagged` and \
          `localnetwork`). A criterion without its argument, an unknown criterion or `all` \
          combined with others makes ssh stop with `Bad Match condition`.

          Source: readconf.c `match_cfg_line`."""),
      rule(SshRuleIds.DEPRECATED_KEYWORD, Severity.WARNING, "Keyword that ssh silently ignores",
          """
          ssh still recognises some retired keywords (`Protocol`, `Cipher`, `UseRoaming`, \
          `UsePrivilegedPort`...) so that old files keep working, but it does nothing with \
          them: the line has no effect at all. Readers who copy it believe it does something. \
          Delete the line.

          Source: readconf.c keyword table (`oDeprecated`, `oIgnore`)."""),
      rule(SshRuleIds.UNSUPPORTED_KEYWORD, Severity.WARNING, "Keyword for a removed feature",
          """
          Keywords of removed features (`RSAAuthentication`, `CompressionLevel`, \
          `KerberosAuthentication`...) make ssh print `Unsupported option` on every \
          connection and carry on without them. Delete the line.

          Source: readconf.c keyword table (`oUnsupported`)."""),
      rule(SshRuleIds.RENAMED_KEYWORD, Severity.INFO, "Old name of a keyword",
          """
          Some keywords were renamed and keep their old name as an alias: \
          `PubkeyAcceptedKeyTypes` is now `PubkeyAcceptedAlgorithms` (8.5), \
          `ChallengeResponseAuthentication` is `KbdInteractiveAuthentication` (8.7), `KeepAlive` \
          is `TCPKeepAlive`. Both work; the new name matches the manual.

          Source: readconf.c keyword table."""),
      rule(SshRuleIds.VENDOR_KEYWORD, Severity.INFO, "Keyword from a distribution patch",
          """
          `GSSAPIKeyExchange`, `GSSAPIClientIdentity` and their siblings come from the GSSAPI \
          key-exchange patch that Debian and Ubuntu apply. Upstream OpenSSH and most other \
          systems reject them as bad configuration options. Add `IgnoreUnknown` for them in \
          files shared across systems.

          Source: Debian openssh package, `ssh -G` on Debian 12."""),
      rule(SshRuleIds.IGNORED_UNKNOWN, Severity.WARNING, "Unknown keyword skipped through IgnoreUnknown",
          """
          The keyword is unknown, but an earlier `IgnoreUnknown` pattern matches it, so ssh \
          skips it — if that `IgnoreUnknown` line applied to the destination. Make sure the \
          keyword is a real option of a newer client and not a typo.

          Source: readconf.c `parse_token`."""),
      rule(SshRuleIds.INCLUDE_NOT_CHECKED, Severity.INFO, "Included files are not checked",
          """
          `Include` reads other files at that point; they are not part of the snippet, so \
          opsbook cannot check them. Relative paths are taken from `~/.ssh` for the user's file \
          and `/etc/ssh` for the system file; a glob that matches nothing is not an error.

          Source: ssh_config(5) `Include`."""),
      rule(SshRuleIds.DUPLICATE_KEYWORD, Severity.WARNING, "Keyword repeated in the same block",
          """
          For almost every keyword ssh keeps the first value it obtains; a second line with the \
          same keyword in the same block never takes effect. Only `IdentityFile`, \
          `CertificateFile`, `LocalForward`, `RemoteForward`, `DynamicForward`, `SendEnv` and \
          `Include` add up. Delete one of the lines.

          Source: ssh_config(5): "the first obtained value will be used"."""),
      rule(SshRuleIds.SHADOWED_BY_EARLIER_BLOCK, Severity.WARNING, "Setting hidden by an earlier block for every host",
          """
          Because the first value wins, a `Host *` block (or settings at the top of the file) \
          placed before a specific `Host` block decides every keyword it sets; the specific \
          block cannot override them. ssh_config(5) says host-specific declarations belong near \
          the beginning and general defaults at the end. Move `Host *` to the end.

          Source: ssh_config(5), DESCRIPTION."""),
      rule(SshRuleIds.STRICT_HOST_KEY_CHECKING_OFF, Severity.WARNING, "Host key checking disabled",
          """
          With `StrictHostKeyChecking no` (or `off`) ssh adds unknown host keys without asking \
          and still connects when a known key has changed (it only disables password and \
          forwarding features), which is exactly the situation of a machine in the middle. \
          `accept-new` trusts the first contact but refuses changed keys; better still, \
          distribute `known_hosts` or use host certificates.

          Source: ssh_config(5) `StrictHostKeyChecking`; Mozilla OpenSSH guidelines."""),
      rule(SshRuleIds.KNOWN_HOSTS_DISCARDED, Severity.WARNING, "Known host keys thrown away",
          """
          `UserKnownHostsFile /dev/null` means no host key is ever remembered: each connection \
          is a first contact and a substituted host cannot be noticed. Usually paired with \
          `StrictHostKeyChecking no` in copy-pasted snippets. Keep it to disposable lab hosts, \
          in a `Host` block for them.

          Source: ssh_config(5) `UserKnownHostsFile`."""),
      rule(SshRuleIds.FORWARD_AGENT_EVERYWHERE, Severity.WARNING, "Agent forwarding for every host",
          """
          With agent forwarding, anyone with root on the remote host can use your agent socket \
          to authenticate as you to other machines while you are connected. Enabling it for \
          every host (`Host *`, top of file) hands that power to every server you log in to. \
          Enable it per host, or use `ProxyJump`, which needs no agent on the jump host.

          Source: ssh_config(5) `ForwardAgent`; Mozilla OpenSSH guidelines."""),
      rule(SshRuleIds.FORWARD_X11_TRUSTED, Severity.WARNING, "Trusted X11 forwarding",
          """
          Trusted X11 forwarding exempts remote X clients from the X11 SECURITY extension: \
          they can read keystrokes, take screenshots and inject input on your whole display. \
          Set `ForwardX11Trusted no` (the upstream default; Debian builds default to yes) \
          unless an application fails without it.

          Source: ssh_config(5) `ForwardX11Trusted`."""),
      rule(SshRuleIds.WEAK_ALGORITHM, Severity.WARNING, "Weak algorithm enabled",
          """
          The list names an algorithm that current guidance rates weak: CBC-mode or 3DES \
          ciphers, MD5 or truncated MACs, SHA-1 Diffie-Hellman key exchange, DSA keys, or \
          `ssh-rsa` (RSA with SHA-1 signatures, disabled by default since OpenSSH 8.8). When a \
          legacy device needs one, add it with `+name` in a `Host` block for that device only \
          (reported as info there).

          Source: Mozilla OpenSSH guidelines; OpenSSH 7.0, 8.2 and 8.8 release notes."""),
      rule(SshRuleIds.GATEWAY_PORTS, Severity.WARNING, "Forwarded ports open to the network",
          """
          `GatewayPorts yes` makes local forwards bind to all interfaces instead of loopback, \
          so other machines on the network can use your tunnel into the remote side. Give the \
          one forward that must be shared an explicit bind address instead.

          Source: ssh_config(5) `GatewayPorts`."""),
      rule(SshRuleIds.PROXY_COMMAND_AND_JUMP, Severity.WARNING, "ProxyCommand and ProxyJump together",
          """
          ssh uses one way to reach a host. Whichever of `ProxyCommand` and `ProxyJump` it \
          reads first wins and the other is ignored, so the block does not do what the second \
          line says. Keep one of them.

          Source: readconf.c (`oProxyCommand`, `parse_jump`)."""));
}

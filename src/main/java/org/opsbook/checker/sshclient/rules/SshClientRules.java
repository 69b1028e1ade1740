package org.opsbook.checker.sshclient.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** Every rule the ssh_config checker reports: its ID, severity, summary and explanation. */
public final class SshClientRules {
  private SshClientRules() {}


  public static final RuleInfo UNKNOWN_KEYWORD = RuleInfo.of("ssh.unknown-keyword", Severity.ERROR, "Keyword that ssh does not know",
          """
          ssh reads its whole configuration before connecting, and a keyword it does not know \
          makes it stop with `Bad configuration option` and `terminating, 1 bad configuration \
          options` — for every destination, not just the block the line sits in.

          Typical causes are typos and server keywords copied from `sshd_config` \
          (`PermitRootLogin`, `AllowUsers`...). Fix the spelling against `ssh_config(5)`. For \
          options of newer clients in a file shared with older ones, `IgnoreUnknown` placed \
          before them makes ssh skip them.

          Source: readconf.c `parse_token`, ssh_config(5).""");

  public static final RuleInfo KEYWORD_TOO_NEW = RuleInfo.of("ssh.keyword-too-new", Severity.ERROR, "Keyword newer than the targeted OpenSSH release",
          """
          The keyword exists, but only from a later OpenSSH release than the one the site \
          targets (`ssh.version` in `opsbook.yaml`, 9.2 by default). The older client rejects \
          it as a bad configuration option. Raise `ssh.version`, say which release the article \
          needs, or put `IgnoreUnknown Keyword` before it.

          Source: the keyword tables of readconf.c in each release.""");

  public static final RuleInfo MISSING_ARGUMENT = RuleInfo.of("ssh.missing-argument", Severity.ERROR, "Keyword without its argument",
          """
          ssh refuses a keyword with nothing after it (`no argument after keyword`) or whose \
          arguments are only a comment (`Missing argument`). A `#` that starts a word begins a \
          comment, so `User # admin` has no user.

          Source: readconf.c `process_config_line_depth`.""");

  public static final RuleInfo BAD_VALUE = RuleInfo.of("ssh.bad-value", Severity.ERROR, "Value that ssh rejects",
          """
          The argument is not one ssh accepts for this keyword: a word outside its list (`yes`, \
          `no`, `ask`, `accept-new`...), a port outside 1–65535, a malformed time (`1h30m`), an \
          unknown algorithm name, a forwarding specification that does not parse. ssh stops \
          with a message naming the line. The hint lists the accepted forms.

          Source: readconf.c, ssh_config(5).""");

  public static final RuleInfo EXTRA_ARGUMENTS = RuleInfo.of("ssh.extra-arguments", Severity.ERROR, "More arguments than the keyword takes",
          """
          ssh counts the arguments and refuses a line with words left over (`keyword user extra \
          arguments at end of line`). Quote values that contain spaces (`IdentityFile "~/My \
          Keys/id_ed25519"`).

          Source: readconf.c, end of `process_config_line_depth`.""");

  public static final RuleInfo INVALID_QUOTES = RuleInfo.of("ssh.invalid-quotes", Severity.ERROR, "Unterminated quote",
          """
          A double or single quote opened and never closed: ssh reports `invalid quotes` and \
          refuses the file. Close the quote or escape a literal quote with a backslash.

          Source: misc.c `argv_split`.""");

  public static final RuleInfo BAD_MATCH = RuleInfo.of("ssh.bad-match", Severity.ERROR, "Malformed Match line",
          """
          `Match` takes criteria: `all` alone, `canonical`, `final`, or `host`, `originalhost`, \
          `user`, `localuser`, `exec` with one argument each (OpenSSH 9.4 adds `tagged` and \
          `localnetwork`). A criterion without its argument, an unknown criterion or `all` \
          combined with others makes ssh stop with `Bad Match condition`.

          Source: readconf.c `match_cfg_line`.""");

  public static final RuleInfo DEPRECATED_KEYWORD = RuleInfo.of("ssh.deprecated-keyword", Severity.WARNING, "Keyword that ssh silently ignores",
          """
          ssh still recognises some retired keywords (`Protocol`, `Cipher`, `UseRoaming`, \
          `UsePrivilegedPort`...) so that old files keep working, but it does nothing with \
          them: the line has no effect at all. Readers who copy it believe it does something. \
          Delete the line.

          Source: readconf.c keyword table (`oDeprecated`, `oIgnore`).""");

  public static final RuleInfo UNSUPPORTED_KEYWORD = RuleInfo.of("ssh.unsupported-keyword", Severity.WARNING, "Keyword for a removed feature",
          """
          Keywords of removed features (`RSAAuthentication`, `CompressionLevel`, \
          `KerberosAuthentication`...) make ssh print `Unsupported option` on every \
          connection and carry on without them. Delete the line.

          Source: readconf.c keyword table (`oUnsupported`).""");

  public static final RuleInfo RENAMED_KEYWORD = RuleInfo.of("ssh.renamed-keyword", Severity.INFO, "Old name of a keyword",
          """
          Some keywords were renamed and keep their old name as an alias: \
          `PubkeyAcceptedKeyTypes` is now `PubkeyAcceptedAlgorithms` (8.5), \
          `ChallengeResponseAuthentication` is `KbdInteractiveAuthentication` (8.7), `KeepAlive` \
          is `TCPKeepAlive`. Both work; the new name matches the manual.

          Source: readconf.c keyword table.""");

  public static final RuleInfo VENDOR_KEYWORD = RuleInfo.of("ssh.vendor-keyword", Severity.INFO, "Keyword from a distribution patch",
          """
          `GSSAPIKeyExchange`, `GSSAPIClientIdentity` and their siblings come from the GSSAPI \
          key-exchange patch that Debian and Ubuntu apply. Upstream OpenSSH and most other \
          systems reject them as bad configuration options. Add `IgnoreUnknown` for them in \
          files shared across systems.

          Source: Debian openssh package, `ssh -G` on Debian 12.""");

  public static final RuleInfo IGNORED_UNKNOWN = RuleInfo.of("ssh.ignored-unknown-keyword", Severity.WARNING, "Unknown keyword skipped through IgnoreUnknown",
          """
          The keyword is unknown, but an earlier `IgnoreUnknown` pattern matches it, so ssh \
          skips it — if that `IgnoreUnknown` line applied to the destination. Make sure the \
          keyword is a real option of a newer client and not a typo.

          Source: readconf.c `parse_token`.""");

  public static final RuleInfo INCLUDE_NOT_CHECKED = RuleInfo.of("ssh.include-not-checked", Severity.INFO, "Included files are not checked",
          """
          `Include` reads other files at that point; they are not part of the snippet, so \
          opsbook cannot check them. Relative paths are taken from `~/.ssh` for the user's file \
          and `/etc/ssh` for the system file; a glob that matches nothing is not an error.

          Source: ssh_config(5) `Include`.""");

  public static final RuleInfo DUPLICATE_KEYWORD = RuleInfo.of("ssh.duplicate-keyword", Severity.WARNING, "Keyword repeated in the same block",
          """
          For almost every keyword ssh keeps the first value it obtains; a second line with the \
          same keyword in the same block never takes effect. Only `IdentityFile`, \
          `CertificateFile`, `LocalForward`, `RemoteForward`, `DynamicForward`, `SendEnv` and \
          `Include` add up. Delete one of the lines.

          Source: ssh_config(5): "the first obtained value will be used".""");

  public static final RuleInfo SHADOWED_BY_EARLIER_BLOCK = RuleInfo.of("ssh.shadowed-by-earlier-block", Severity.WARNING, "Setting hidden by an earlier block for every host",
          """
          Because the first value wins, a `Host *` block (or settings at the top of the file) \
          placed before a specific `Host` block decides every keyword it sets; the specific \
          block cannot override them. ssh_config(5) says host-specific declarations belong near \
          the beginning and general defaults at the end. Move `Host *` to the end.

          Source: ssh_config(5), DESCRIPTION.""");

  public static final RuleInfo STRICT_HOST_KEY_CHECKING_OFF = RuleInfo.of("ssh.strict-host-key-checking-off", Severity.WARNING, "Host key checking disabled",
          """
          With `StrictHostKeyChecking no` (or `off`) ssh adds unknown host keys without asking \
          and still connects when a known key has changed (it only disables password and \
          forwarding features), which is exactly the situation of a machine in the middle. \
          `accept-new` trusts the first contact but refuses changed keys; better still, \
          distribute `known_hosts` or use host certificates.

          Source: ssh_config(5) `StrictHostKeyChecking`; Mozilla OpenSSH guidelines.""");

  public static final RuleInfo KNOWN_HOSTS_DISCARDED = RuleInfo.of("ssh.known-hosts-discarded", Severity.WARNING, "Known host keys thrown away",
          """
          `UserKnownHostsFile /dev/null` means no host key is ever remembered: each connection \
          is a first contact and a substituted host cannot be noticed. Usually paired with \
          `StrictHostKeyChecking no` in copy-pasted snippets. Keep it to disposable lab hosts, \
          in a `Host` block for them.

          Source: ssh_config(5) `UserKnownHostsFile`.""");

  public static final RuleInfo FORWARD_AGENT_EVERYWHERE = RuleInfo.of("ssh.forward-agent-everywhere", Severity.WARNING, "Agent forwarding for every host",
          """
          With agent forwarding, anyone with root on the remote host can use your agent socket \
          to authenticate as you to other machines while you are connected. Enabling it for \
          every host (`Host *`, top of file) hands that power to every server you log in to. \
          Enable it per host, or use `ProxyJump`, which needs no agent on the jump host.

          Source: ssh_config(5) `ForwardAgent`; Mozilla OpenSSH guidelines.""");

  public static final RuleInfo FORWARD_X11_TRUSTED = RuleInfo.of("ssh.forward-x11-trusted", Severity.WARNING, "Trusted X11 forwarding",
          """
          Trusted X11 forwarding exempts remote X clients from the X11 SECURITY extension: \
          they can read keystrokes, take screenshots and inject input on your whole display. \
          Set `ForwardX11Trusted no` (the upstream default; Debian builds default to yes) \
          unless an application fails without it.

          Source: ssh_config(5) `ForwardX11Trusted`.""");

  public static final RuleInfo WEAK_ALGORITHM = RuleInfo.of("ssh.weak-algorithm", Severity.WARNING, "Weak algorithm enabled",
          """
          The list names an algorithm that current guidance rates weak: CBC-mode or 3DES \
          ciphers, MD5 or truncated MACs, SHA-1 Diffie-Hellman key exchange, DSA keys, or \
          `ssh-rsa` (RSA with SHA-1 signatures, disabled by default since OpenSSH 8.8). When a \
          legacy device needs one, add it with `+name` in a `Host` block for that device only \
          (reported as info there).

          Source: Mozilla OpenSSH guidelines; OpenSSH 7.0, 8.2 and 8.8 release notes.""");

  public static final RuleInfo GATEWAY_PORTS = RuleInfo.of("ssh.gateway-ports", Severity.WARNING, "Forwarded ports open to the network",
          """
          `GatewayPorts yes` makes local forwards bind to all interfaces instead of loopback, \
          so other machines on the network can use your tunnel into the remote side. Give the \
          one forward that must be shared an explicit bind address instead.

          Source: ssh_config(5) `GatewayPorts`.""");

  public static final RuleInfo CONTROL_PATH_NOT_UNIQUE = RuleInfo.of("ssh.control-path-not-unique", Severity.WARNING, "ControlPath shared by several destinations",
          """
          With connection sharing (`ControlMaster`), ssh looks for an existing master at \
          `ControlPath`. If the path does not name the destination, a connection to one host \
          reuses the master of another — with that host's user and credentials. ssh_config(5) \
          asks for at least `%h`, `%p` and `%r`, or `%C`, a hash of all of them plus the jump \
          host; `~/.ssh/cm-%C` also stays short enough for the Unix socket path limit.

          Source: ssh_config(5) `ControlPath`.""");

  public static final RuleInfo PROXY_COMMAND_AND_JUMP = RuleInfo.of("ssh.proxycommand-and-proxyjump", Severity.WARNING, "ProxyCommand and ProxyJump together",
          """
          ssh uses one way to reach a host. Whichever of `ProxyCommand` and `ProxyJump` it \
          reads first wins and the other is ignored, so the block does not do what the second \
          line says. Keep one of them.

          Source: readconf.c (`oProxyCommand`, `parse_jump`).""");

  public static final RuleInfo WEAK_ALGORITHM_SCOPED = RuleInfo.of("ssh.weak-algorithm-scoped", Severity.INFO,
      "Weak algorithm re-enabled for some hosts only",
      """
      A `Host` or `Match` block that adds a weak algorithm back (`HostKeyAlgorithms +ssh-rsa` for an \
      old switch) is the accepted way to reach a legacy device: every other destination keeps the \
      strong defaults. Drop the line once the device is replaced.

      Source: Mozilla OpenSSH guidelines; ssh_config(5), the `+` prefix of algorithm lists.""");

  public static final RuleInfo ALGORITHM_LIST_IGNORED = RuleInfo.of("ssh.algorithm-list-ignored", Severity.WARNING,
      "Algorithm list that ssh reads but cannot build",
      """
      ssh accepts the line when it reads the file, but cannot assemble a list from it: a plain list \
      whose names select no algorithm, or a `!` name, which kex_assemble_names() refuses. ssh \
      reports "invalid argument" and leaves this setting (and, for a list that selects nothing, \
      the algorithm lists after it) unset, so the defaults apply instead of what the line says. \
      To remove names, write a list that starts with `-`.

      Source: kex.c `kex_assemble_names`; readconf.c `fill_default_options`.""");

  public static final RuleInfo BAD_VERSION_OPTION = RuleInfo.of("ssh.bad-version-option", Severity.ERROR,
      "Unreadable ssh.version option",
      """
      `ssh.version` in `opsbook.yaml` names the OpenSSH release to check against, such as `9.2`, \
      `9.6p1` or `OpenSSH_9.2p1`, from 8.0 on. An unreadable value is a configuration error; \
      the checker falls back to 9.2 so the rest of the snippet is still checked.""");

  /** Every rule, in the order of the documentation. */
  public static final List<RuleInfo> ALL = List.of(UNKNOWN_KEYWORD, KEYWORD_TOO_NEW, MISSING_ARGUMENT, BAD_VALUE,
      EXTRA_ARGUMENTS, INVALID_QUOTES, BAD_MATCH, DEPRECATED_KEYWORD, UNSUPPORTED_KEYWORD, RENAMED_KEYWORD,
      VENDOR_KEYWORD, IGNORED_UNKNOWN, INCLUDE_NOT_CHECKED, ALGORITHM_LIST_IGNORED, DUPLICATE_KEYWORD,
      SHADOWED_BY_EARLIER_BLOCK, STRICT_HOST_KEY_CHECKING_OFF, KNOWN_HOSTS_DISCARDED, FORWARD_AGENT_EVERYWHERE,
      FORWARD_X11_TRUSTED, WEAK_ALGORITHM, WEAK_ALGORITHM_SCOPED, GATEWAY_PORTS, CONTROL_PATH_NOT_UNIQUE,
      PROXY_COMMAND_AND_JUMP, BAD_VERSION_OPTION);
}

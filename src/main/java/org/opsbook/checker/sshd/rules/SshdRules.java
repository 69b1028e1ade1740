package org.opsbook.checker.sshd.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/**
 * Every rule the sshd_config checker reports, the parser's and the lint rules', with its severity
 * and explanation. Rule classes and the parser name their findings by these constants.
 */
public final class SshdRules {
  private SshdRules() {}

  public static final RuleInfo UNKNOWN_KEYWORD = RuleInfo.of("sshd.unknown-keyword", Severity.ERROR,
      "sshd does not know the keyword",
      """
      sshd matches keywords case-insensitively against its own table; a word that is not in it is a
      "Bad configuration option" and sshd refuses to start. The usual causes are typos
      (`PermitRootLogn`), client options from ssh_config(5) pasted into the server file
      (`StrictHostKeyChecking`, `ForwardAgent`, `ServerAliveInterval`) and keywords from a newer
      release.

      **Fix.** Correct the spelling (the hint suggests the closest keyword), or move client options
      to `~/.ssh/config`. Check the file with `sshd -t` before reloading: a running daemon keeps
      working, but the next restart fails.

      **Source.** servconf.c parse_token(); sshd_config(5).
      """);

  public static final RuleInfo MISSING_ARGUMENT = RuleInfo.of("sshd.missing-argument", Severity.ERROR,
      "A keyword has no value",
      """
      Every sshd keyword needs at least one argument. A bare `PermitRootLogin`, or one whose value
      is only a comment or `""`, makes sshd stop with "no argument after keyword" or "missing
      argument".

      **Fix.** Write the value, or delete the line to get the default.

      **Source.** servconf.c process_server_config_line_depth().
      """);

  public static final RuleInfo BAD_VALUE = RuleInfo.of("sshd.bad-value", Severity.ERROR,
      "sshd refuses the value",
      """
      Each keyword has its own grammar: yes/no flags, word lists such as PermitRootLogin's
      `prohibit-password`, integers, time intervals (`1h30m`), ports, address:port forms, algorithm
      lists whose names must exist in this release, and more. A value outside it is a fatal error
      for sshd: `sshd -t` fails and the daemon does not start.

      **Fix.** The message names what sshd expected; the hint lists the accepted forms.

      **Source.** servconf.c; sshd_config(5) for each keyword.
      """);

  public static final RuleInfo EXTRA_ARGUMENTS = RuleInfo.of("sshd.extra-arguments", Severity.ERROR,
      "More values than the keyword takes",
      """
      Keywords such as `Port`, `Ciphers` or `PermitRootLogin` take one value. sshd checks that the
      whole line was used and stops with "extra arguments at end of line" otherwise. Two ports need
      two `Port` lines; algorithm lists are comma-separated with no spaces; a value with spaces
      needs double quotes.

      **Source.** servconf.c (the "garbage at end of line" check).
      """);

  public static final RuleInfo INVALID_QUOTES = RuleInfo.of("sshd.invalid-quotes", Severity.ERROR,
      "A quote is never closed",
      """
      sshd splits arguments on white space, honouring double and single quotes and backslash
      escapes. An unbalanced quote makes it stop with "invalid quotes".

      **Source.** misc.c argv_split().
      """);

  public static final RuleInfo NOT_ALLOWED_IN_MATCH = RuleInfo.of("sshd.not-allowed-in-match", Severity.ERROR,
      "The keyword may not appear inside a Match block",
      """
      Only some keywords can change per connection (sshd_config(5) lists them under Match). A
      Match block has no end marker: it runs until the next Match line or the end of the file, so
      a global keyword written after a Match block, indented or not, is inside it. sshd stops with
      "Directive 'X' is not allowed within a Match block".

      **Fix.** Move global keywords above the first Match line, or close the blocks with
      `Match All` before them.

      **Source.** servconf.c (SSHCFG_MATCH flags); sshd_config(5), Match.
      """);

  public static final RuleInfo BAD_MATCH = RuleInfo.of("sshd.bad-match", Severity.ERROR,
      "The Match line is malformed",
      """
      A Match line is `All` on its own, or pairs of criterion and pattern list: `User`, `Group`,
      `Host`, `Address`, `LocalAddress`, `LocalPort`, `RDomain`. Patterns are comma-separated and
      may be negated with `!`; addresses may be CIDR networks, whose host bits must be zero. Anything
      else makes sshd stop with "Bad Match condition".

      **Source.** servconf.c match_cfg_line(); sshd_config(5), Match and PATTERNS in ssh_config(5).
      """);

  public static final RuleInfo KEYWORD_NOT_IN_RELEASE = RuleInfo.of("sshd.keyword-not-in-release", Severity.ERROR,
      "The keyword is newer than the targeted OpenSSH release",
      """
      The catalogue knows in which release each keyword appeared. An older sshd treats a newer
      keyword as unknown and refuses to start. opsbook targets the release in `sshd.version`
      (default 9.2, Debian 12).

      **Fix.** Remove the keyword, or set `sshd.version` to the release the hosts run.
      """);

  public static final RuleInfo DEPRECATED_KEYWORD = RuleInfo.of("sshd.deprecated-keyword", Severity.WARNING,
      "The keyword is deprecated and sshd ignores it",
      """
      Old articles still carry keywords whose feature is gone: `UsePrivilegeSeparation` (always on
      since 7.5), `RSAAuthentication`, `RhostsRSAAuthentication`, `ServerKeyBits`,
      `KeyRegenerationInterval` (SSH-1, gone in 7.4), `UseLogin`. sshd logs "Deprecated option" and
      ignores the line, so the setting does nothing at all, whatever its value.

      **Fix.** Delete the line; the message says what replaced it, if anything.

      **Source.** servconf.c keyword table (sDeprecated); OpenSSH 7.4 and 7.5 release notes.
      """);

  public static final RuleInfo IGNORED_KEYWORD = RuleInfo.of("sshd.ignored-keyword", Severity.WARNING,
      "The keyword is silently ignored",
      """
      `Protocol 2` was good advice when sshd still spoke SSH-1. Since OpenSSH 7.4 the server only
      speaks SSH-2 and ignores `Protocol` without even logging it.

      **Fix.** Delete the line.

      **Source.** servconf.c keyword table (sIgnore); OpenSSH 7.4 release notes.
      """);

  public static final RuleInfo UNSUPPORTED_KEYWORD = RuleInfo.of("sshd.unsupported-keyword", Severity.WARNING,
      "The keyword is not supported by this build of sshd",
      """
      Some keywords depend on features chosen when sshd is compiled (AFS, old Kerberos ticket
      passing). Debian's build leaves them out: sshd logs "Unsupported option" and ignores the line.

      **Fix.** Delete the line.

      **Source.** servconf.c keyword table (sUnsupported).
      """);

  public static final RuleInfo OBSOLETE_ALIAS = RuleInfo.of("sshd.obsolete-alias", Severity.INFO,
      "The keyword is an old name for another keyword",
      """
      Renamed keywords keep working under their old names: `ChallengeResponseAuthentication` is
      `KbdInteractiveAuthentication` (8.7), `PubkeyAcceptedKeyTypes` is `PubkeyAcceptedAlgorithms`
      (8.5), `KeepAlive` is `TCPKeepAlive`. The current name matches the manual and `sshd -T` output.

      **Source.** servconf.c keyword table; sshd_config(5).
      """);

  public static final RuleInfo INCLUDE_NOT_FOLLOWED = RuleInfo.of("sshd.include-not-followed", Severity.INFO,
      "An Include names files that are not checked",
      """
      `Include` reads other files where it stands (relative names are under `/etc/ssh`, globs are
      expanded in glob(3)'s order). In an article, opsbook follows it into the article's own
      snippets whose `file=` matches the pattern, so a main `sshd_config` and a
      `sshd_config.d/10-hardening.conf` snippet are checked and tested together. A pattern that
      matches no snippet names files the article does not show: their settings are not checked or
      modelled, and on a real host they come first for every keyword they set (the first value
      wins), which is why Debian includes `sshd_config.d/*.conf` at the top.

      On a disk (`opsbook lint`, `opsbook query`), opsbook reads at most 1,024 files of one pattern,
      and says so here when a pattern matches that many: the files after them are not checked.

      **Fix.** Show the included file as a snippet with `file=/etc/ssh/sshd_config.d/NAME.conf`, or
      accept that the article describes the main file only.

      **Source.** sshd_config(5), Include; servconf.c (sInclude).
      """);

  public static final RuleInfo INCLUDE_MISSING = RuleInfo.of("sshd.include-missing", Severity.WARNING,
      "An Include names a file that does not exist",
      """
      An `Include` without wildcards names one file. When that file does not exist, sshd skips the
      line without a word, exactly as it does for a pattern that matches nothing: `sshd -t` passes,
      and the settings you meant to load are not there. A typo in a drop-in's name goes unnoticed.

      **Fix.** Correct the path, or remove the line. Only `opsbook lint` and `opsbook query` on
      files on disk can tell; in an article a missing snippet is `sshd.include-not-followed`.

      **Source.** servconf.c (sInclude: glob(3) returning GLOB_NOMATCH is not an error).
      """);

  public static final RuleInfo INCLUDE_RECURSION = RuleInfo.of("sshd.include-recursion", Severity.ERROR,
      "Includes lead back to a file being read, or nest too deep",
      """
      sshd follows `Include` into each file and reads includes inside it in turn, up to 16 levels.
      A file that includes itself, directly or through others (a drop-in directory whose pattern
      also matches the main file, say), would be read forever: sshd stops with "Too many recursive
      configuration includes" and does not start. The same happens to a chain of more than 16
      nested includes.

      **Fix.** Remove the Include that leads back, or narrow the pattern (`sshd_config.d/*.conf`
      rather than `/etc/ssh/*`).

      **Source.** servconf.c parse_server_config_depth(), SERVCONF_MAX_DEPTH.
      """);

  public static final RuleInfo UNSUPPORTED_ON_PLATFORM = RuleInfo.of("sshd.unsupported-on-platform", Severity.ERROR,
      "The keyword cannot be used on Linux",
      """
      `RDomain` selects an OpenBSD routing domain. sshd on Linux recognises the word but stops with
      "setting RDomain not supported on this platform".

      **Fix.** Delete the line; on Linux use VRFs with `ip vrf exec` around the daemon instead.

      **Source.** servconf.c (sRDomain).
      """);

  public static final RuleInfo BAD_OPTION = RuleInfo.of("sshd.bad-option", Severity.ERROR,
      "The sshd.version option cannot be read",
      """
      `sshd.version` in `opsbook.yaml` names the OpenSSH release to check against, such as `9.2`,
      `9.6p1` or `OpenSSH_9.2p1`. A value that is none of these is a configuration error, the same
      as `ssh.version`'s; the snippet is still checked against 9.2 so the other findings show.
      """);

  public static final RuleInfo LISTEN_ADDRESS_NAME = RuleInfo.of("sshd.listen-address-name", Severity.WARNING,
      "ListenAddress names a host instead of an address",
      """
      sshd resolves a ListenAddress host name with getaddrinfo() when it starts. If the name does
      not resolve at that moment (DNS not up yet at boot, a typo, a name only in another
      resolver), sshd refuses to start: "bad addr or host". If it resolves to several addresses,
      sshd listens on all of them. opsbook cannot resolve names, so it warns instead of guessing.

      **Fix.** Write the IP address (`ListenAddress 192.0.2.10`); `localhost` is fine.

      **Source.** servconf.c add_one_listen_addr(); sshd_config(5), ListenAddress.
      """);

  public static final RuleInfo LISTEN_ADDRESS_FAMILY = RuleInfo.of("sshd.listen-address-family", Severity.ERROR,
      "ListenAddress names an address of the family AddressFamily excludes",
      """
      sshd resolves each ListenAddress with getaddrinfo() for the family `AddressFamily` sets, once
      the whole file is read (so the order of the two lines does not matter). `AddressFamily inet`
      with `ListenAddress ::1`, or `AddressFamily inet6` with `ListenAddress 192.0.2.1`, makes it
      stop with "bad addr or host: ... (Address family for hostname not supported)".

      **Fix.** Drop the address of the other family, or set `AddressFamily any` (the default).

      **Source.** servconf.c add_one_listen_addr(); sshd_config(5), AddressFamily.
      """);

  public static final RuleInfo LISTEN_ADDRESS_STAR = RuleInfo.of("sshd.listen-address-star", Severity.WARNING,
      "ListenAddress * listens on the loopback addresses only",
      """
      `ListenAddress *` or `ListenAddress *:2222` looks like "every address", but glibc's
      getaddrinfo() reads a host of `*` as no host at all, and sshd asks for a listening address
      only when it passes no host itself. The result is the loopback addresses: `sshd -T` prints
      `listenaddress 127.0.0.1:22` and `listenaddress [::1]:22`, and nobody can connect from
      another machine.

      **Fix.** Write `ListenAddress 0.0.0.0` and `ListenAddress ::` (with `:PORT` if needed), or
      leave ListenAddress out, which listens on every address of the `Port` lines.

      **Source.** servconf.c add_one_listen_addr() (AI_PASSIVE only without a host); glibc
      getaddrinfo() ("*" as no name); `sshd -T` on Debian 12.
      """);

  public static final RuleInfo LISTEN_RDOMAIN = RuleInfo.of("sshd.listen-rdomain", Severity.WARNING,
      "ListenAddress names a routing domain that only the host can confirm",
      """
      `ListenAddress ADDRESS rdomain NAME` binds the socket to a routing domain. On Linux sshd checks
      the name by binding a socket to the network device of that name (a VRF, usually) and refuses
      to start with "bad routing domain" when there is none. Only `lo` exists on every host; any
      other name depends on the machine, so opsbook cannot confirm it.

      **Fix.** Make sure the VRF device exists before sshd starts, or drop the `rdomain` part.

      **Source.** servconf.c (sListenAddress, valid_rdomain()); openbsd-compat/port-net.c.
      """);

  public static final RuleInfo AGENT_FORWARDING = RuleInfo.of("sshd.agent-forwarding", Severity.WARNING,
      "AllowAgentForwarding is explicitly turned on",
      """
A forwarded agent socket lets the server sign authentication requests with the user's keys for
as long as the session lasts. On a shared host, root (or anyone who compromises the account) can
use it to log in elsewhere as that user.

**What sshd does.** `AllowAgentForwarding` defaults to `yes`; sshd then honours the client's
forwarding request. Turning it off does not stop users who have a shell from running their own
forwarder, but it removes the default path.

**Fix.** Write `AllowAgentForwarding no` on bastions and shared hosts, and teach people to use
`ProxyJump`, which needs no agent on the intermediate host.

**Source.** sshd_config(5); Mozilla's OpenSSH guidelines (recommend against agent forwarding).
      """);

  public static final RuleInfo UNSATISFIABLE_AUTHENTICATION_METHODS = RuleInfo.of("sshd.unsatisfiable-authentication-methods", Severity.ERROR,
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

  public static final RuleInfo AUTHENTICATION_METHODS_DISABLED = RuleInfo.of("sshd.authentication-methods-disabled",
      Severity.WARNING, "An AuthenticationMethods list needs a method that is turned off",
      """
      `AuthenticationMethods publickey,password publickey` offers two ways in. When a list names a
      method whose option is off (`PasswordAuthentication no`, or `gssapi-keyex` without
      `GSSAPIAuthentication yes`), nobody can complete that list, and the line says more than
      the server does.

      **What sshd does.** At startup it goes through the lists of the global line in order until
      one can be completed, and logs "Disabled method ... in AuthenticationMethods list ..." for
      each list before it. When no list can be completed it refuses to start
      (`sshd.unsatisfiable-authentication-methods`).

      **Fix.** Enable the method, or drop the list.

      **Source.** auth2.c auth2_methods_valid(); sshd.c; sshd_config(5), AuthenticationMethods.
      """);

  public static final RuleInfo COMMAND_USER_MISSING = RuleInfo.of("sshd.command-user-missing", Severity.ERROR,
      "AuthorizedKeysCommand (or PrincipalsCommand) is set without its User keyword",
      """
      The command that looks keys or principals up must run as a dedicated unprivileged account,
      and sshd insists on being told which one.

      **What sshd does.** After reading the file, sshd stops with "AuthorizedKeysCommand set without
      AuthorizedKeysCommandUser" (likewise for AuthorizedPrincipalsCommand) when the command is set
      in the global section and the user is not.

      **Fix.** Add `AuthorizedKeysCommandUser nobody` or, better, a user created for the purpose.

      **Source.** sshd.c; sshd_config(5).

      Needs the whole file, so it stays quiet for snippets marked `fragment`.
      """).needingWholeFile();

  public static final RuleInfo DUPLICATE_KEYWORD = RuleInfo.of("sshd.duplicate-keyword", Severity.WARNING,
      "A keyword is set twice in the same section and one line is silently ignored",
      """
      sshd_config(5): "Unless noted otherwise, for each parameter, the first obtained value will be
      used." A second `PasswordAuthentication no` further down does nothing if an earlier line
      said `yes`, which is the opposite of how most configuration files behave.

      **What sshd does.** For most keywords the first line in a section wins (the global section,
      or one Match block). A few keywords (`MaxStartups`, `IPQoS`, `FingerprintHash`,
      `StreamLocalBindMask`, `PerSourceMaxStartups`, `PerSourceNetBlockSize`) keep the last value.
      List keywords such as `AllowUsers`, `Port`, `HostKey` and `AcceptEnv` add up and are not
      flagged. Debian's `/etc/ssh/sshd_config` includes `sshd_config.d/*.conf` first, so drop-ins
      win over the main file for the same reason.

      **Fix.** Delete the line that loses, so the file says what sshd does.

      **Source.** sshd_config(5); servconf.c (each option is only stored while unset).
      """);

  public static final RuleInfo DUPLICATE_SUBSYSTEM = RuleInfo.of("sshd.duplicate-subsystem", Severity.ERROR,
      "A Subsystem name is defined twice",
      """
      Replacing `Subsystem sftp /usr/lib/openssh/sftp-server` by `Subsystem sftp internal-sftp` is
      a common step when setting up chrooted SFTP, and adding the new line without removing the old
      one is a common mistake.

      **What sshd does.** servconf.c stops with "Subsystem 'sftp' already defined": `sshd -t`
      fails and the daemon does not start (or restart).

      **Fix.** Keep one `Subsystem sftp` line.

      **Source.** servconf.c; sshd_config(5), Subsystem.
      """);

  public static final RuleInfo GATEWAY_PORTS = RuleInfo.of("sshd.gateway-ports", Severity.WARNING,
      "GatewayPorts exposes remote forwardings to the network",
      """
A user's `ssh -R` forwarding normally listens on the server's loopback interface only. With
`GatewayPorts yes` it listens on every address, so a tunnel into a private network becomes
reachable from the internet.

**What sshd does.** `no` (default) binds loopback; `yes` binds the wildcard address;
`clientspecified` lets the client choose.

**Fix.** Write `GatewayPorts no`; if a tunnel host needs it, limit it with `Match User` and
`PermitListen`.

**Source.** sshd_config(5).
      """);

  public static final RuleInfo HOSTBASED_AUTHENTICATION = RuleInfo.of("sshd.hostbased-authentication", Severity.WARNING,
      "HostbasedAuthentication trusts other hosts to vouch for users",
      """
Host-based authentication trusts the client host's key plus `.shosts`/`hosts.equiv` to decide who
the user is. A single compromised host then vouches for everyone.

**What sshd does.** Default `no`. With `yes`, sshd checks the client host key against known hosts
files and the user against `/etc/hosts.equiv`, `/etc/ssh/shosts.equiv` and `~/.shosts`.

**Fix.** Write `HostbasedAuthentication no` and use per-user keys or certificates.

**Source.** sshd_config(5); CIS benchmarks, "Ensure SSH HostbasedAuthentication is disabled".
      """);

  public static final RuleInfo IGNORE_RHOSTS = RuleInfo.of("sshd.ignore-rhosts", Severity.WARNING,
      "IgnoreRhosts no makes sshd read users' .rhosts files",
      """
`.rhosts` and `.shosts` let each user extend trust to other hosts without the administrator
knowing.

**What sshd does.** With the default `yes`, sshd ignores these per-user files during host-based
authentication; `shosts-only` ignores `.rhosts` but reads `.shosts`; `no` reads both.

**Fix.** Write `IgnoreRhosts yes` or delete the line.

**Source.** sshd_config(5); CIS benchmarks, "Ensure SSH IgnoreRhosts is enabled".
      """);

  public static final RuleInfo LOG_LEVEL = RuleInfo.of("sshd.log-level", Severity.WARNING,
      "LogLevel hides authentication events",
      """
Incident response needs to know who logged in, from where and with which key.

**What sshd does.** At `INFO` sshd logs accepted and failed logins; `VERBOSE` adds the fingerprint
of the key used. `ERROR`, `FATAL` and `QUIET` drop those lines. The `DEBUG` levels log so much that
they can reveal private information and should not stay on.

**Fix.** Write `LogLevel VERBOSE` (Mozilla's recommendation) or `INFO`.

**Source.** sshd_config(5); Mozilla's OpenSSH guidelines.
      """);

  public static final RuleInfo MATCH_SHADOWED = RuleInfo.of("sshd.match-shadowed", Severity.WARNING,
      "A Match block sets a keyword that an earlier block always sets first",
      """
      Match blocks do not work like firewall rules where the most specific wins, nor like most
      configuration files where the last line wins. sshd evaluates every block that matches a
      connection, and for each keyword the **first** matching block's value is used.

      So in

      ```
      Match All
          X11Forwarding no
      Match User designer
          X11Forwarding yes
      ```

      the designer never gets X11 forwarding: `Match All` matched first. The same happens when an
      earlier block has a subset of the later block's criteria (`Match User bob` before
      `Match User bob Address 10.0.0.0/8`).

      **What sshd does.** servconf.c re-reads the file for each connection with only matching
      blocks active and keeps the first value of each option; those values then replace the
      global ones.

      **Fix.** Put specific blocks before general ones, or move the general setting to the global
      section (before the first Match line), where any matching block overrides it. Check the
      result with `sshd -T -C user=...,addr=...` or a `test` block.

      **Source.** sshd_config(5), Match; servconf.c parse_server_match_config().
      """);

  public static final RuleInfo MATCH_SHADOW_NOT_CHECKED = RuleInfo.of("sshd.match-shadow-not-checked", Severity.INFO,
      "A Match line has too many criteria to compare with earlier blocks",
      """
      `sshd.match-shadowed` finds a block whose keywords an earlier block always sets first by
      looking up every subset of the block's criteria among the earlier blocks. That is 2^N
      lookups for a line of N criteria, so lines of more than 8 criteria are not compared, and this
      note says so instead of staying silent. sshd itself takes any number.

      **Fix.** Nothing is wrong with the line; check what applies with `sshd -T -C` or a `test`
      block, or split the block.
      """);

  public static final RuleInfo MAX_AUTH_TRIES = RuleInfo.of("sshd.max-auth-tries", Severity.WARNING,
      "MaxAuthTries allows many attempts per connection",
      """
Each connection may make `MaxAuthTries` authentication attempts; after half of them fail, sshd
starts logging the failures. A high limit lets a guesser try many passwords per TCP connection.

**What sshd does.** The default is 6. Every offered public key counts as an attempt, so clients
that try many agent keys can hit a low limit: they should name the right key with
`IdentitiesOnly yes` and `IdentityFile`.

**Fix.** Write `MaxAuthTries 4` or lower.

**Source.** sshd_config(5); CIS benchmarks, "Ensure SSH MaxAuthTries is set to 4 or less".
      """);

  public static final RuleInfo MISSING_ACCESS_LIST = RuleInfo.of("sshd.missing-access-list", Severity.WARNING,
      "No AllowUsers or AllowGroups limits who may log in",
      """
      Without an allow list, every local account with a usable shell and credentials may log in
      over SSH, including service accounts that gained a password or key by accident.

      **What sshd does.** `AllowUsers` and `AllowGroups` (and their Deny counterparts) are checked
      after authentication succeeds; a user who matches no Allow pattern is refused. With neither
      keyword set, sshd applies no such list.

      **Fix.** Add `AllowGroups ssh-users` (and put the right people in that group) or
      `AllowUsers alice bob deploy@192.0.2.0/24`. Access lists may also sit in Match blocks.

      **Source.** sshd_config(5); CIS benchmarks, "Ensure SSH access is limited".

      Needs the whole file, so it stays quiet for snippets marked `fragment`.
      """).needingWholeFile();

  public static final RuleInfo PASSWORD_AUTHENTICATION_DEFAULT = RuleInfo.of("sshd.password-authentication-default", Severity.WARNING,
      "The file leaves PasswordAuthentication at its default, yes",
      """
      sshd's compiled-in default for `PasswordAuthentication` is `yes`. A configuration that never
      mentions it therefore accepts passwords, which is easy to miss when the file otherwise looks
      hardened.

      **What sshd does.** Options that no line sets take the defaults `sshd -T` prints. Debian's
      stock file turns keyboard-interactive off but leaves passwords on.

      **Fix.** State the decision: `PasswordAuthentication no` (and `KbdInteractiveAuthentication
      no`) for key-only hosts, or `PasswordAuthentication yes` if passwords are intended.

      **Source.** sshd_config(5), "PasswordAuthentication ... The default is yes".

      Needs the whole file, so it stays quiet for snippets marked `fragment`.
      """).needingWholeFile();

  public static final RuleInfo PASSWORD_AUTHENTICATION = RuleInfo.of("sshd.password-authentication", Severity.WARNING,
      "PasswordAuthentication is turned on",
      """
Passwords sent over SSH can be guessed online, are often reused from other services, and end up in
phishing kits. Public keys (ideally on a hardware token) cannot be guessed.

**What sshd does.** With `PasswordAuthentication yes` (the compiled-in default) sshd accepts the
`password` method. With `UsePAM yes`, PAM can also ask for a password through
`keyboard-interactive`, so both must be off to stop password logins.

**Fix.** Give every user a key, then set `PasswordAuthentication no` and
`KbdInteractiveAuthentication no`. If a few hosts on a management network still need passwords,
allow them in a `Match Address` block rather than globally.

**Source.** sshd_config(5); Mozilla's OpenSSH guidelines (keys only); CIS benchmarks.
      """);

  public static final RuleInfo PERMIT_EMPTY_PASSWORDS = RuleInfo.of("sshd.permit-empty-passwords", Severity.WARNING,
      "PermitEmptyPasswords lets accounts with no password log in",
      """
An account with an empty password field becomes reachable by anyone who knows its name.

**What sshd does.** By default (`no`) sshd refuses password authentication for accounts whose
password is empty. `yes` removes that safeguard.

**Fix.** Delete the line or write `PermitEmptyPasswords no`, and lock accounts that have no
password (`passwd -l`).

**Source.** sshd_config(5); CIS benchmarks, "Ensure SSH PermitEmptyPasswords is disabled".
      """);

  public static final RuleInfo PERMIT_ROOT_LOGIN = RuleInfo.of("sshd.permit-root-login", Severity.WARNING,
      "PermitRootLogin allows root to log in with a password",
      """
Root is the one account every attacker knows exists, so password guessing against it never stops.
`PermitRootLogin yes` lets root authenticate with every enabled method, passwords and
keyboard-interactive included.

**What sshd does.** sshd_config(5) lists `yes`, `prohibit-password` (alias `without-password`),
`forced-commands-only` and `no`. Since OpenSSH 7.0 the default is `prohibit-password`: root may log
in with a key but never with a password.

**Fix.** Write `PermitRootLogin no` and have admins log in as themselves and use sudo, which also
leaves an audit trail per person. If automation must log in as root, use `prohibit-password` or
`forced-commands-only` with a `command=` restriction in authorized_keys.

**Source.** sshd_config(5); Mozilla's OpenSSH guidelines ("PermitRootLogin No"); CIS Debian
benchmark, "Ensure SSH root login is disabled".
      """);

  public static final RuleInfo PERMIT_USER_ENVIRONMENT = RuleInfo.of("sshd.permit-user-environment", Severity.WARNING,
      "PermitUserEnvironment lets users set environment variables for sshd",
      """
With user environments enabled, sshd reads `~/.ssh/environment` and `environment=` options in
authorized_keys before starting the session. Variables such as `LD_PRELOAD` then run code in
programs a `ForceCommand` or restricted key was supposed to confine.

**What sshd does.** `no` is the default. `yes` accepts every variable; a pattern list (OpenSSH 7.8
and later) accepts only matching names.

**Fix.** Write `PermitUserEnvironment no`, or list only harmless names such as `LANG,LC_*`.

**Source.** sshd_config(5); CIS benchmarks, "Ensure SSH PermitUserEnvironment is disabled".
      """);

  public static final RuleInfo STRICT_MODES = RuleInfo.of("sshd.strict-modes", Severity.WARNING,
      "StrictModes no accepts world-writable key files",
      """
If another local user can write your home directory or `~/.ssh`, they can add their own key to
your `authorized_keys`.

**What sshd does.** With the default `yes`, sshd refuses to use key files when the file, `~/.ssh`
or the home directory is writable by others. `no` skips the check.

**Fix.** Keep `StrictModes yes`; fix ownership (`chown`) and modes (`chmod 700 ~/.ssh`,
`chmod 600 ~/.ssh/authorized_keys`).

**Source.** sshd_config(5); CIS benchmarks.
      """);

  public static final RuleInfo WEAK_CIPHER = RuleInfo.of("sshd.weak-cipher", Severity.WARNING,
      "Ciphers enables CBC-mode or 3DES ciphers",
      """
      CBC-mode ciphers in SSH are open to plaintext-recovery attacks on the packet length, and 3DES
      has a 64-bit block that birthday attacks (Sweet32) exploit on long sessions. OpenSSH removed
      them from the default list years ago; they come back only when a configuration lists them.

      **What sshd does.** `Ciphers` replaces the default list; `+name` appends to it, `-name`
      removes, `^name` puts first. sshd 9.2's default is chacha20-poly1305, AES-CTR and AES-GCM.

      **Fix.** Delete the `Ciphers` line to use the defaults, or list only
      `chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr`.
      If an old client needs CBC, upgrade the client rather than the server's exposure.

      **Source.** sshd_config(5); Mozilla's OpenSSH guidelines (modern cipher list).
      """);

  public static final RuleInfo WEAK_HOST_KEY_ALGORITHM = RuleInfo.of("sshd.weak-host-key-algorithm", Severity.WARNING,
      "A key algorithm list enables ssh-rsa (SHA-1) or DSA signatures",
      """
      `ssh-rsa` is RSA with SHA-1 signatures, for which chosen-prefix collisions are practical;
      `ssh-dss` is 1024-bit DSA. OpenSSH 8.8 disabled `ssh-rsa` signatures by default and later
      releases drop DSA altogether. RSA keys themselves are fine: they sign with `rsa-sha2-256` and
      `rsa-sha2-512`.

      **What sshd does.** HostKeyAlgorithms, PubkeyAcceptedAlgorithms, HostbasedAcceptedAlgorithms
      and CASignatureAlgorithms each replace or edit (`+`, `-`, `^`) their default lists, which in
      9.2 contain neither algorithm.

      **Fix.** Remove `ssh-rsa`, `ssh-dss` and their `-cert-v01@openssh.com` forms. A client that
      can only do `ssh-rsa` is older than OpenSSH 7.2 and should be upgraded; if one must be
      served for a while, enable it in a `Match User` block for that account only.

      **Source.** OpenSSH 8.8 release notes; sshd_config(5); Mozilla's OpenSSH guidelines.
      """);

  public static final RuleInfo WEAK_KEX = RuleInfo.of("sshd.weak-kex", Severity.WARNING,
      "KexAlgorithms enables SHA-1 key exchange",
      """
      Key exchange decides the session keys. `diffie-hellman-group1-sha1` uses a 1024-bit group
      (within reach of well-funded attackers, see Logjam), and all `*-sha1` exchanges rely on SHA-1.

      **What sshd does.** `KexAlgorithms` replaces the default list, which in 9.2 starts with the
      post-quantum hybrid `sntrup761x25519-sha512` and curve25519 and contains no SHA-1 exchange.
      `+name` appends to it.

      **Fix.** Delete the line, or keep only `sntrup761x25519-sha512@openssh.com,curve25519-sha256,
      curve25519-sha256@libssh.org` plus, if needed, `diffie-hellman-group16-sha512,
      diffie-hellman-group18-sha512,diffie-hellman-group-exchange-sha256`.

      **Source.** sshd_config(5); Mozilla's OpenSSH guidelines.
      """);

  public static final RuleInfo WEAK_MAC = RuleInfo.of("sshd.weak-mac", Severity.WARNING,
      "MACs enables MD5, SHA-1, truncated or 64-bit MACs",
      """
      The MAC protects every packet against tampering. HMAC-MD5 and HMAC-SHA1 rest on broken hash
      functions, the `-96` variants truncate the tag, and `umac-64` has a 64-bit tag. Mozilla's
      modern profile keeps only SHA-2 HMACs and UMAC-128, preferring the encrypt-then-MAC (`-etm`)
      forms.

      **What sshd does.** `MACs` replaces the default list (which in 9.2 still includes
      `hmac-sha1` and `umac-64` for compatibility); `+`, `-` and `^` edit it.

      **Fix.** Write
      `MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,umac-128-etm@openssh.com,hmac-sha2-512,hmac-sha2-256,umac-128@openssh.com`.

      **Source.** sshd_config(5); Mozilla's OpenSSH guidelines.
      """);

  public static final RuleInfo USE_DNS = RuleInfo.of("sshd.use-dns", Severity.WARNING,
      "UseDNS yes makes every login depend on the client's DNS",
      """
      A bastion is reached from addresses nobody here controls. With `UseDNS yes` sshd resolves
      each client's address to a name and checks that the name resolves back, before it even asks
      for a key.

      **What sshd does.** The lookups happen on every connection, so a slow or unreachable resolver
      turns into logins that hang for seconds. The name then stands for the client in `from=`
      patterns of authorized_keys, `AllowUsers user@host` and `Match Host`: a pattern written as a
      name trusts whoever runs the client's reverse zone (the forward check narrows that, it does
      not remove it). The default has been `no` since OpenSSH 6.8; the log lines carry the address
      either way.

      **Fix.** Delete the line, or write `UseDNS no`, and use addresses and networks in access
      rules.

      **Source.** sshd_config(5), UseDNS; OpenSSH 6.8 release notes.
      """);

  public static final RuleInfo X11_FORWARDING = RuleInfo.of("sshd.x11-forwarding", Severity.WARNING,
      "X11Forwarding is turned on",
      """
X11 forwarding connects the server to the user's X display. Anyone with root on the server (or
the same user) can then watch keystrokes and inject input into the client's desktop, which matters
most on shared and jump hosts.

**What sshd does.** `X11Forwarding yes` makes sshd accept X11 forwarding requests and set
`DISPLAY`; the default is `no`.

**Fix.** Write `X11Forwarding no`, or allow it only for the people who need it inside a
`Match User` block.

**Source.** sshd_config(5) (it warns about X11 forwarding exposure); CIS benchmarks, "Ensure SSH X11
forwarding is disabled".
      """);

  /** Every rule: the parser's, then those over the whole configuration, then the hardening ones. */
  public static final List<RuleInfo> ALL = List.of(UNKNOWN_KEYWORD, MISSING_ARGUMENT, BAD_VALUE, EXTRA_ARGUMENTS,
      INVALID_QUOTES, NOT_ALLOWED_IN_MATCH, BAD_MATCH, KEYWORD_NOT_IN_RELEASE, DEPRECATED_KEYWORD, IGNORED_KEYWORD,
      UNSUPPORTED_KEYWORD, OBSOLETE_ALIAS, INCLUDE_NOT_FOLLOWED, INCLUDE_MISSING, INCLUDE_RECURSION,
      UNSUPPORTED_ON_PLATFORM, BAD_OPTION, LISTEN_ADDRESS_NAME, LISTEN_ADDRESS_STAR, LISTEN_RDOMAIN,
      DUPLICATE_KEYWORD, DUPLICATE_SUBSYSTEM, COMMAND_USER_MISSING, UNSATISFIABLE_AUTHENTICATION_METHODS,
      AUTHENTICATION_METHODS_DISABLED,
      MATCH_SHADOWED, MATCH_SHADOW_NOT_CHECKED, LISTEN_ADDRESS_FAMILY,
      PERMIT_ROOT_LOGIN, PASSWORD_AUTHENTICATION, PASSWORD_AUTHENTICATION_DEFAULT, PERMIT_EMPTY_PASSWORDS,
      WEAK_CIPHER, WEAK_MAC, WEAK_KEX, WEAK_HOST_KEY_ALGORITHM, X11_FORWARDING, AGENT_FORWARDING, MAX_AUTH_TRIES,
      MISSING_ACCESS_LIST, PERMIT_USER_ENVIRONMENT, HOSTBASED_AUTHENTICATION, IGNORE_RHOSTS, STRICT_MODES,
      GATEWAY_PORTS, LOG_LEVEL, USE_DNS);
}

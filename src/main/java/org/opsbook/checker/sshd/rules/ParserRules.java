package org.opsbook.checker.sshd.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/**
 * The rules the parser reports while reading a file, mirroring what makes {@code sshd -t} fail
 * (errors) and what sshd accepts but ignores (warnings).
 */
public final class ParserRules {
  private ParserRules() {}

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
      "Included files are not checked",
      """
      `Include` reads other files (relative names are under `/etc/ssh`, globs are expanded). Those
      files are not part of the snippet, so opsbook cannot check or model them. Remember that
      Debian's default `Include /etc/ssh/sshd_config.d/*.conf` comes first, and the first value
      wins: drop-ins override the rest of the main file.

      **Source.** sshd_config(5), Include.
      """);

  public static final RuleInfo UNSUPPORTED_ON_PLATFORM = RuleInfo.of("sshd.unsupported-on-platform", Severity.ERROR,
      "The keyword cannot be used on Linux",
      """
      `RDomain` selects an OpenBSD routing domain. sshd on Linux recognises the word but stops with
      "setting RDomain not supported on this platform".

      **Fix.** Delete the line; on Linux use VRFs with `ip vrf exec` around the daemon instead.

      **Source.** servconf.c (sRDomain).
      """);

  public static final RuleInfo BAD_OPTION = RuleInfo.of("sshd.bad-option", Severity.WARNING,
      "The sshd.version option cannot be read",
      """
      `sshd.version` in `opsbook.yaml` names the OpenSSH release to check against, such as `9.2` or
      `9.6p1`. An unreadable value falls back to 9.2.
      """);

  public static final RuleInfo BAD_QUERY = RuleInfo.of("sshd.bad-query", Severity.ERROR,
      "A query or test case cannot be answered",
      """
      Queries and `test` blocks describe a connection the way `sshd -T -C` takes it:
      `user=alice,host=laptop.example,addr=203.0.113.9,laddr=192.0.2.1,lport=22` (commas or spaces).
      opsbook adds `groups=` for `Match Group`, since a snippet has no group database. As with sshd,
      a `Match LocalPort` block needs `lport=` in the question.

      A test case reads `CONNECTION => keyword value, keyword value`: each pair is compared with
      the line `sshd -T` would print for that keyword.
      """);

  public static final List<RuleInfo> ALL = List.of(UNKNOWN_KEYWORD, MISSING_ARGUMENT, BAD_VALUE, EXTRA_ARGUMENTS,
      INVALID_QUOTES, NOT_ALLOWED_IN_MATCH, BAD_MATCH, KEYWORD_NOT_IN_RELEASE, DEPRECATED_KEYWORD, IGNORED_KEYWORD,
      UNSUPPORTED_KEYWORD, OBSOLETE_ALIAS, INCLUDE_NOT_FOLLOWED, UNSUPPORTED_ON_PLATFORM, BAD_OPTION, BAD_QUERY);
}

package org.opsbook.checker.iptables;

import java.util.List;
import org.opsbook.check.Findings;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.iptables.model.Word;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/**
 * Every rule the iptables checker reports, as constants: what iptables itself refuses, what
 * opsbook cannot read, and the lint rules over the rule set. Severities are declared here once.
 */
public final class IptablesRules {
  private IptablesRules() {}

  private static RuleInfo rule(String id, Severity severity, String summary, String explanation) {
    return new RuleInfo(RuleId.of(id), severity, summary, explanation, false, List.of());
  }

  public static final RuleInfo SHELL_SYNTAX = rule("iptables.shell-syntax", Severity.ERROR,
      "The command line is not valid shell (an unterminated quote)",
      "The snippet is read the way a shell would read it before running iptables. An open quote swallows the rest of the snippet, so nothing after it runs as written.\n\n**Fix:** close the quote. Source: sh(1), \"Quoting\".");

  public static final RuleInfo NO_COMMAND = rule("iptables.no-command", Severity.ERROR,
      "An iptables call without a command such as -A, -I or -P",
      "iptables needs exactly one command option (-A, -I, -D, -R, -C, -P, -N, -X, -E, -F, -Z, -L, -S); without one it stops with \"no command specified\".\n\n**Fix:** add the command. Source: iptables(8), \"COMMANDS\".");

  public static final RuleInfo BAD_COMMAND = rule("iptables.bad-command", Severity.ERROR,
      "A command with wrong arguments, or one the kernel refuses given the earlier commands",
      "Covers two commands in one call, a rule number of 0, inserting past the end of the chain, deleting a rule that does not exist, creating a chain twice, deleting a built-in, non-empty or referenced chain. opsbook replays the snippet's commands in order, as the kernel would receive them.\n\n**Fix:** as the message says. Source: iptables(8), \"COMMANDS\".");

  public static final RuleInfo BAD_ARGUMENT = rule("iptables.bad-argument", Severity.ERROR,
      "A word that belongs to no option",
      "iptables reads options left to right; a word that is not the value of the option before it stops it with \"Bad argument\". It is often a target written without `-j`, or a value split by a stray space.\n\n**Fix:** add the missing option or join the value. Source: iptables(8).");

  public static final RuleInfo UNKNOWN_OPTION = rule("iptables.unknown-option", Severity.ERROR,
      "An option that no loaded match or target understands",
      "Match options exist only after the `-m` that loads their module (or the `-p` that loads the protocol's match), target options only after their `-j`. Anything else is \"unknown option\".\n\n**Fix:** load the module first, or correct the spelling. Source: iptables-extensions(8).");

  public static final RuleInfo MISSING_ARGUMENT = rule("iptables.missing-argument", Severity.ERROR,
      "An option whose value is missing",
      "Options such as -s, -d, -i, -j and --dport take a value. When the value is missing, iptables either stops (\"requires an argument\") or, worse, takes the next option as the value: `-s -j ACCEPT` reads `-j` as the address.\n\n**Fix:** put the value back. Source: iptables(8).");

  public static final RuleInfo PROTOCOL_REQUIRED = rule("iptables.protocol-required", Severity.ERROR,
      "A port or protocol option without the protocol it needs",
      "`--dport`, `--sport`, `--syn`, `--tcp-flags` and `--icmp-type` belong to the tcp, udp and icmp matches, which `-p tcp`, `-p udp` or `-p icmp` load. Without the `-p` before them iptables stops with `unknown option \"--dport\"`; an explicit `-m tcp` without `-p tcp` is refused too. NAT targets with ports (`--to-destination 10.0.0.5:8080`, `--to-ports`) and `--reject-with tcp-reset` also need the rule to be limited to a protocol with ports; the kernel refuses the last one with nothing but \"Invalid argument\".\n\n**Fix:** add `-p tcp` (or udp) before the option; for several ports use `-p tcp -m multiport --dports`. Source: iptables-extensions(8), \"tcp\", \"udp\", \"multiport\", \"REJECT\".");

  public static final RuleInfo OPTION_WITHOUT_TARGET = rule("iptables.option-without-target", Severity.ERROR,
      "A target option (--to-ports, --to-destination, --reject-with...) without its -j",
      "Target options are only known after the `-j` that loads the target: `--to-ports 8080` without `-j REDIRECT` is an unknown option to iptables.\n\n**Fix:** write the target first: `-j REDIRECT --to-ports 8080`. Source: iptables-extensions(8), \"TARGET EXTENSIONS\".");

  public static final RuleInfo BAD_VALUE = rule("iptables.bad-value", Severity.ERROR,
      "An address, port, interface, state or other value iptables refuses",
      "Each option parses its value: ports 0-65535 or a service name, ranges with min <= max, masks up to /32, interface names up to 15 characters, state names in upper case, known ICMP types, log levels and reject types. The message is iptables' own.\n\n**Fix:** correct the value. Source: iptables(8), iptables-extensions(8).");

  public static final RuleInfo BAD_TABLE = rule("iptables.bad-table", Severity.ERROR,
      "A table that does not exist (table names are lower case)",
      "The tables are filter, nat, mangle, raw and security, in lower case; `-t NAT` fails with \"table 'NAT' does not exist\".\n\n**Fix:** use the lower-case name. Source: iptables(8), \"TABLES\".");

  public static final RuleInfo BAD_NEGATION = rule("iptables.bad-negation", Severity.ERROR,
      "A `!` in the wrong place, or before an option that cannot be negated",
      "Since iptables 1.4.3 the `!` comes before the option (`! -s 10.0.0.1`, `! --dport 22`); after the option it is read as the value and refused. Options such as -j, -m and -t cannot be negated.\n\n**Fix:** move the `!` before the option. Source: iptables(8), \"PARAMETERS\".");

  public static final RuleInfo INTERFACE_DIRECTION = rule("iptables.interface-direction", Severity.ERROR,
      "-i in OUTPUT/POSTROUTING or -o in PREROUTING/INPUT",
      "A packet in OUTPUT or POSTROUTING was generated or routed here and has no input interface; one in PREROUTING or INPUT has not been routed, so it has no output interface. iptables refuses the combination.\n\n**Fix:** use -o in OUTPUT/POSTROUTING and -i in PREROUTING/INPUT. Source: iptables(8), \"-i\" and \"-o\".");

  public static final RuleInfo TARGET_PLACEMENT = rule("iptables.target-placement", Severity.ERROR,
      "A target used in a table or chain where the kernel does not allow it",
      "DNAT and REDIRECT work only in nat PREROUTING and OUTPUT, SNAT in nat POSTROUTING and INPUT, MASQUERADE in nat POSTROUTING, REJECT in INPUT, FORWARD and OUTPUT, CT and NOTRACK in raw. The kernel refuses the rest with only `RULE_APPEND failed (Invalid argument)`; opsbook names the real reason.\n\n**Fix:** move the rule to the table and chain named in the message. Source: iptables-extensions(8), each target's section.");

  public static final RuleInfo MATCH_PLACEMENT = rule("iptables.match-placement", Severity.ERROR,
      "A match used in a chain where the kernel does not allow it",
      "`-m owner` works only for locally generated packets (OUTPUT, POSTROUTING); `-m mac` only for arriving ones (PREROUTING, INPUT, FORWARD). The kernel answers `Invalid argument`.\n\n**Fix:** move the rule. Source: iptables-extensions(8), \"owner\" and \"mac\".");

  public static final RuleInfo UNKNOWN_CHAIN = rule("iptables.unknown-chain", Severity.ERROR,
      "A chain that does not exist in that table, or a jump to one",
      "Rules can only be added to built-in chains of the table or to user chains created earlier with -N; `-j NAME` needs NAME to be a target or an existing user chain. With `scope=article`, chains created in earlier snippets of the article count.\n\n**Fix:** create the chain first, use the right table (-t), or fix the case. Source: iptables(8).");

  public static final RuleInfo BAD_POLICY = rule("iptables.bad-policy", Severity.ERROR,
      "A policy on a user chain, or a policy other than ACCEPT or DROP",
      "Only built-in chains have a policy, and it can only be ACCEPT or DROP. `-P INPUT REJECT` fails with \"Bad policy name\"; to reject by default, end the chain with a `-j REJECT` rule.\n\n**Fix:** use ACCEPT or DROP, or a final rule. Source: iptables(8), \"-P\".");

  public static final RuleInfo MISSING_OPTION = rule("iptables.missing-option", Severity.ERROR,
      "A match or target without the option it requires",
      "Some extensions cannot work without a parameter: DNAT needs --to-destination, hashlimit needs --hashlimit-name and a rate, recent needs one of --set/--rcheck/--update/--remove, TCPMSS needs --set-mss or --clamp-mss-to-pmtu.\n\n**Fix:** add the option. Source: iptables-extensions(8).");

  public static final RuleInfo CONFLICTING_OPTIONS = rule("iptables.conflicting-options", Severity.ERROR,
      "Options of one extension that exclude each other",
      "For example `-m recent --set --update`, or `--syn` with `--tcp-flags`.\n\n**Fix:** keep one. Source: iptables-extensions(8).");

  public static final RuleInfo DUPLICATE_OPTION = rule("iptables.duplicate-option", Severity.ERROR,
      "The same option twice in one match",
      "iptables refuses a second `--dport` in the same tcp match (\"Only one `--destination-port' allowed\").\n\n**Fix:** use `-m multiport --dports A,B` or two rules. Source: iptables-extensions(8).");

  public static final RuleInfo SAVE_FORMAT = rule("iptables.save-format", Severity.ERROR,
      "A save file (iptables-restore input) that is not well formed",
      "A save file has blocks: `*table`, chain lines `:NAME POLICY [packets:bytes]`, rules without `-t`, and `COMMIT`. A block without COMMIT is not loaded at all.\n\n**Fix:** as the message says. Source: iptables-save(8), iptables-restore(8).");

  public static final RuleInfo UNKNOWN_EXTENSION = rule("iptables.unknown-extension", Severity.ERROR,
      "A match module that does not exist",
      "`-m NAME` loads the match extension libxt_NAME; when there is none, iptables stops with \"Couldn't load match\". Match names are lower case (`-m conntrack`), target names upper case (`-j LOG`).\n\n**Fix:** correct the name. Source: iptables-extensions(8).");

  public static final RuleInfo UNCHECKED_EXTENSION = rule("iptables.unchecked-extension", Severity.INFO,
      "A real extension that opsbook does not model; its options are passed through unchecked",
      "opsbook models the common extensions of iptables-extensions(8) option by option. Other real ones (time, string, NFLOG, TPROXY...) are accepted with their options unchecked, so iptables may still refuse a mistyped option there.\n\n**Fix:** nothing to fix; test the command on a host.");

  public static final RuleInfo CHECK_FAILS = rule("iptables.check-fails", Severity.INFO,
      "iptables -C finds no such rule at this point and exits with status 1",
      "`iptables -C` checks whether a rule exists; scripts use `iptables -C ... || iptables -A ...` to add a rule only once. opsbook replays the snippet and notes when the check fails, without treating it as an error.\n\nSource: iptables(8), \"-C, --check\".");

  public static final RuleInfo SHELL_VARIABLE = rule("iptables.shell-variable", Severity.INFO,
      "A shell variable whose value opsbook does not know",
      "`$EXT_IF` is expanded by the shell, so opsbook checks the rest of the command and treats the value as unknown. Assign it earlier in the snippet (`EXT_IF=eth0`) to have it checked.\n\nSource: sh(1), \"Parameter Expansion\".");

  public static final RuleInfo OTHER_COMMAND = rule("iptables.other-command", Severity.INFO,
      "A command other than iptables in an iptables snippet, skipped",
      "Snippets often mix `sysctl -w` or `ip link` with iptables commands; opsbook skips them. With the `strict` attribute they are errors instead (`iptables.strict-other-command`).\n\n**Fix:** nothing to fix; move other commands to a shell snippet to keep the iptables snippet pure.");

  public static final RuleInfo SHADOWED_RULE = rule("iptables.shadowed-rule", Severity.WARNING,
      "Rule is unreachable: an earlier, broader rule in the same chain decides its packets first",
      """
      The kernel walks a chain from the top and stops at the first rule whose target ends the walk
      (ACCEPT, DROP, REJECT, RETURN, or a NAT target). When an earlier rule matches every packet a
      later rule matches (same or no protocol, a source or destination network that contains the
      later one, a port range that contains the later port, a superset of connection states), the
      later rule can never act. It is usually a leftover from editing, or a rule appended with -A
      where -I was meant.

      **Fix:** move the specific rule above the broad one, narrow the broad one, or delete the dead
      rule. Rules with rate or history matches (limit, recent, hashlimit, connlimit) are never
      treated as broad, since they do not match every packet.

      Source: iptables(8), "DESCRIPTION": rules are examined in order; a terminating target ends
      the traversal of the chain.
            """);

  public static final RuleInfo ACCEPT_ALL_FIRST = rule("iptables.accept-all-first", Severity.WARNING,
      "An ACCEPT-everything rule comes before specific rules, which then never apply",
      """
      A rule such as `-A INPUT -j ACCEPT` has no criteria, so it matches every packet that reaches
      it and the walk of the chain ends there. Every rule after it in the chain is dead, and the
      chain's policy is never applied. This is a common result of a debugging "open everything"
      line left at the top of a script, or of `-I` inserting at position 1.

      **Fix:** restrict the rule (`-i lo`, `-m conntrack --ctstate ESTABLISHED,RELATED`, a source
      network), move it to the end, or remove it.

      Source: iptables(8): a rule with no match criteria matches all packets.
            """);

  public static final RuleInfo STATE_MATCH = rule("iptables.state-match", Severity.INFO,
      "-m state is the old spelling of -m conntrack --ctstate",
      """
      The `state` match is kept for compatibility: the kernel implements it as an alias of the
      `conntrack` match, and iptables-extensions(8) says it is obsolete. `-m conntrack --ctstate`
      takes the same state names (plus SNAT and DNAT) and sits beside the other conntrack options
      (`--ctorigdst`, `--ctstatus`), so new rules should use it. nftables translations
      (`iptables-translate`) also expect the conntrack form.

      **Fix:** write `-m conntrack --ctstate ESTABLISHED,RELATED` instead of
      `-m state --state ESTABLISHED,RELATED`.

      Source: iptables-extensions(8), "state": "The "state" extension is a subset of the
      "conntrack" module."
            """);

  public static final RuleInfo DROP_WITHOUT_ESTABLISHED = rule("iptables.drop-without-established", Severity.WARNING,
      "DROP policy (or final DROP) without a rule accepting ESTABLISHED,RELATED traffic",
      """
      With `-P INPUT DROP` (or a final `-j DROP`), every packet that no rule accepts is dropped,
      and that includes the replies to connections the host itself opened: DNS answers, package
      downloads, the return half of an outgoing SSH session. The usual first rule of a stateful
      firewall accepts them: `-A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT`.
      Without it, the host works only for services it offers, and set over SSH, the policy can cut
      the administrator's own session if the SSH rule is missing or wrong.

      **Fix:** add `-m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT` near the top of the
      chain, before setting the policy.

      Source: iptables-extensions(8), "conntrack"; the kernel's connection tracking marks replies
      ESTABLISHED and related flows (ICMP errors, FTP data) RELATED.
            """).needingWholeFile();

  public static final RuleInfo LOCALNET_REDIRECT = rule("iptables.localnet-redirect", Severity.WARNING,
      "DNAT to 127.0.0.0/8 from another interface needs net.ipv4.conf.IFACE.route_localnet=1",
      """
      A packet that arrives on eth0 or a bridge and is rewritten by `-t nat -A PREROUTING -j DNAT
      --to-destination 127.0.0.1:PORT` is then routed to a loopback address. Linux treats such a
      packet as a "martian" and drops it silently unless `route_localnet` is enabled on the
      interface it came in on (`sysctl -w net.ipv4.conf.eth0.route_localnet=1`). The rule looks
      right, the counters go up, and nothing answers. Locally generated traffic (nat OUTPUT) is not
      affected, and `-j REDIRECT` avoids the problem by using the incoming interface's own address.

      The rule stays quiet when any snippet of the article, before or after the rule, names
      `route_localnet` (prose is not read).

      **Fix:** set `route_localnet` for the incoming interface in a snippet of the article, bind the
      service to an address of that interface and DNAT there, or use `-j REDIRECT --to-ports`.

      Source: ip-sysctl documentation, `route_localnet`: "Do not consider loopback addresses as
      martian source or destination while routing."
            """);

  public static final RuleInfo NEVER_MATCHES = rule("iptables.never-matches", Severity.WARNING,
      "Rule can never match: its criteria contradict each other",
      """
      iptables accepts criteria that exclude each other: a source network together with an
      `iprange` outside it (or a negated range that contains it), a `--dport` outside every port of
      the `multiport` list beside it, an `iprange` whose first address is above its last, or
      `-p icmpv6` in an IPv4 rule. Such a rule loads fine and never matches, so whatever it was
      meant to allow or block is left to the rules after it.

      **Fix:** correct the address, port or protocol that was mistyped; drop the contradictory
      criterion.

      Source: iptables(8) and iptables-extensions(8) ("iprange", "multiport"): all criteria of a
      rule must match at once.
            """);

  public static final RuleInfo STRICT_OTHER_COMMAND = rule("iptables.strict-other-command", Severity.ERROR,
      "A command other than iptables in a snippet marked strict",
      "A snippet with the `strict` attribute promises to hold iptables commands only, so a `sysctl`, `ip` or `echo` line in it is an error rather than the note `iptables.other-command` gives elsewhere.\n\n**Fix:** move the other command to a shell snippet, or drop `strict`.");

  public static final RuleInfo RESTORE_QUOTE = rule("iptables.restore-quote", Severity.WARNING,
      "An unterminated double quote in a save-file rule takes the rest of the line as one value",
      "iptables-restore splits a rule line itself (xtables' add_param_to_argv): only double quotes group words, and a quote that is never closed runs to the end of the line, options included. The line may still load, with a comment or log prefix that swallowed the target.\n\n**Fix:** close the quote. Source: iptables-restore(8); xtables' add_param_to_argv.");

  public static final RuleInfo ATTACHED_VALUE = rule("iptables.attached-value", Severity.WARNING,
      "A value attached to -s, -d, -i, -o, -p or -j becomes part of a longer word than meant",
      "iptables 1.8 reads the values of `-s`, `-d`, `-i`, `-o`, `-p` and `-j` not from getopt but from the whole word (xshared.c uses `argv[optind - 1]`, to keep the old `-s ! ADDR` form working). So `--source=10.0.0.1` and `-s10.0.0.1` give the address `--source=10.0.0.1`, which is refused, while `-ieth0` gives the interface name `-ieth0`, which is accepted and never matches. Other options, such as `--dport=22` or `-tnat`, take attached values as expected.\n\n**Fix:** write the value as a word of its own: `-s 10.0.0.1`, `-i eth0`. Source: iptables 1.8.9 iptables/xshared.c, do_parse().");

  public static final RuleInfo CRLF = rule("iptables.crlf", Severity.ERROR,
      "Windows line ends (CR LF): every command gets a stray carriage return",
      "The shell and iptables-restore split lines at LF only, so with CR LF line ends the CR stays on the last word of each line: `-j ACCEPT\\r` is \"Invalid target name\", `-L -n\\r` an unknown option, `*filter\\r` an invalid table, and `COMMIT\\r` is not a COMMIT. iptables 1.8 refuses every such line.\n\n**Fix:** save the file with LF line ends (`dos2unix FILE`, or your editor's line-end setting). Source: sh(1) \"Lexical structure\"; iptables-restore(8).");

  public static final RuleInfo HIDDEN_FAILURE = rule("iptables.hidden-failure", Severity.INFO,
      "A shell operator after a refused command lets the script go on as if it had worked",
      "After `||` the shell runs the next command only when the one before fails, and `|| true` (or `|| :`) turns any failure into success, so `set -e` does not stop the script and nobody sees the error. That is the point of `iptables -N CHAIN 2>/dev/null || true` and `iptables -C ... || iptables -A ...`, but it also hides a command iptables refuses for a reason nobody intended. opsbook notes each command that fails behind such an operator, and which command runs instead.\n\n**Fix:** nothing when the failure is expected; otherwise fix the command or drop the operator. Source: sh(1), \"Lists\" (AND-OR lists).");

  public static final RuleInfo LAZY_CHAIN = rule("iptables.lazy-chain", Severity.WARNING,
      "A command on a built-in chain that iptables-nft has not created yet",
      "iptables 1.8 on nf_tables (Debian's default) creates a table's built-in chains only when something first uses them: a rule, a policy or `-F CHAIN` creates the chain, while `-L` and `-S` only show a default. Until then `-Z INPUT`, `-X INPUT` and `-E INPUT NEW` fail with \"No chain/target/match by that name\". An empty built-in chain with an ACCEPT policy can even be deleted by `-X` (which iptables-legacy always refuses). opsbook replays a snippet from an empty rule set, as on a fresh host, and reports commands whose outcome depends on whether the chain exists yet.\n\n**Fix:** run the command after the rules that use the chain, or name no chain (`iptables -Z` zeroes every chain there is). Source: iptables 1.8 nft backend (nft_chain_builtin_init); iptables-nft(8).");

  public static final RuleInfo JUMP_LOOP = rule("iptables.jump-loop", Severity.ERROR,
      "Chains that jump to each other in a loop reachable from a built-in chain",
      "The kernel checks, for every rule it is given, that no chain reachable from a built-in chain can reach itself again through `-j` or `-g`. A loop between user chains (A jumps to B, B jumps back to A, or A to itself) is accepted while nothing calls it; the rule that makes the loop reachable (`-A INPUT -j A`) is refused with \"RULE_APPEND failed (Too many links)\", or \"Too many levels of symbolic links\" with iptables-legacy. The packet simulator would walk such a loop forever, so it stops there too.\n\n**Fix:** break the loop: end one chain with `-j RETURN`, or jump to a third chain. Source: the kernel's loop check (nf_tables_check_loops, mark_source_chains in x_tables).");

  public static final RuleInfo SHADOW_CHECK_CAPPED = rule("iptables.shadow-check-capped", Severity.INFO,
      "A chain is too long for the shadowed-rule check to compare every pair of its rules",
      "Whether one rule hides another is decided pair by pair. opsbook indexes rules by protocol, port and address so that most pairs are never compared, but a chain of thousands of rules with the same broad shape can still need millions of comparisons. Past a fixed budget per chain the check stops and says so here, rather than slowing the build; the rules after that point are not checked for shadowing.\n\n**Fix:** nothing to fix in the rules; split a very long chain into user chains per service or network, which also makes the kernel's walk shorter. Source: iptables(8), \"DESCRIPTION\".");

  /** The rules the parser and the replay of commands report, in catalogue order. */
  public static final List<RuleInfo> PARSER = List.of(
      SHELL_SYNTAX, CRLF, NO_COMMAND, BAD_COMMAND, BAD_ARGUMENT, UNKNOWN_OPTION, ATTACHED_VALUE, MISSING_ARGUMENT, PROTOCOL_REQUIRED,
      OPTION_WITHOUT_TARGET, BAD_VALUE, BAD_TABLE, BAD_NEGATION, INTERFACE_DIRECTION, TARGET_PLACEMENT,
      MATCH_PLACEMENT, UNKNOWN_CHAIN, JUMP_LOOP, BAD_POLICY, MISSING_OPTION, CONFLICTING_OPTIONS, DUPLICATE_OPTION,
      SAVE_FORMAT, RESTORE_QUOTE, UNKNOWN_EXTENSION, UNCHECKED_EXTENSION, CHECK_FAILS, HIDDEN_FAILURE, LAZY_CHAIN,
      SHELL_VARIABLE, OTHER_COMMAND, STRICT_OTHER_COMMAND, NEVER_MATCHES);

  private static final java.util.Map<String, RuleInfo> PARSER_BY_ID = byIds(PARSER);

  private static java.util.Map<String, RuleInfo> byIds(List<RuleInfo> rules) {
    java.util.Map<String, RuleInfo> m = new java.util.TreeMap<>();
    rules.forEach(r -> m.put(r.id().value(), r));
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * One of the {@link #PARSER} rules by its ID.
   *
   * @throws IllegalArgumentException for an ID that is not one of them, which is a bug
   */
  public static RuleInfo byId(String id) {
    RuleInfo r = PARSER_BY_ID.get(id);
    if (r == null) {
      throw new IllegalArgumentException("not an iptables parser rule: " + id);
    }
    return r;
  }

  /** Reports a finding of {@code rule} at the first character of a word of the snippet. */
  public static void reportAt(Findings findings, RuleInfo rule, Word at, String message, String hint) {
    findings.report(rule, at.line(), at.column(), message, hint);
  }
}

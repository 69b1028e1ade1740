package org.opsbook.checker.iptables;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** The rules for what iptables itself refuses, and for input opsbook cannot read. */
final class ErrorRules {
  private ErrorRules() {}

  private static RuleInfo error(String id, String summary, String explanation) {
    return RuleInfo.of(id, Severity.ERROR, summary, explanation);
  }

  static final List<RuleInfo> ALL = List.of(
      error("iptables.shell-syntax", "The command line is not valid shell (an unterminated quote)",
          "The snippet is read the way a shell would read it before running iptables. An open quote swallows the rest of the snippet, so nothing after it runs as written.\n\n**Fix:** close the quote. Source: sh(1), \"Quoting\"."),
      error("iptables.no-command", "An iptables call without a command such as -A, -I or -P",
          "iptables needs exactly one command option (-A, -I, -D, -R, -C, -P, -N, -X, -E, -F, -Z, -L, -S); without one it stops with \"no command specified\".\n\n**Fix:** add the command. Source: iptables(8), \"COMMANDS\"."),
      error("iptables.bad-command", "A command with wrong arguments, or one the kernel refuses given the earlier commands",
          "Covers two commands in one call, a rule number of 0, inserting past the end of the chain, deleting a rule that does not exist, creating a chain twice, deleting a built-in, non-empty or referenced chain. opsbook replays the snippet's commands in order, as the kernel would receive them.\n\n**Fix:** as the message says. Source: iptables(8), \"COMMANDS\"."),
      error("iptables.bad-argument", "A word that belongs to no option",
          "iptables reads options left to right; a word that is not the value of the option before it stops it with \"Bad argument\". It is often a target written without `-j`, or a value split by a stray space.\n\n**Fix:** add the missing option or join the value. Source: iptables(8)."),
      error("iptables.unknown-option", "An option that no loaded match or target understands",
          "Match options exist only after the `-m` that loads their module (or the `-p` that loads the protocol's match), target options only after their `-j`. Anything else is \"unknown option\".\n\n**Fix:** load the module first, or correct the spelling. Source: iptables-extensions(8)."),
      error("iptables.missing-argument", "An option whose value is missing",
          "Options such as -s, -d, -i, -j and --dport take a value. When the value is missing, iptables either stops (\"requires an argument\") or, worse, takes the next option as the value: `-s -j ACCEPT` reads `-j` as the address.\n\n**Fix:** put the value back. Source: iptables(8)."),
      error("iptables.protocol-required", "A port or protocol option without the protocol it needs",
          "`--dport`, `--sport`, `--syn`, `--tcp-flags` and `--icmp-type` belong to the tcp, udp and icmp matches, which `-p tcp`, `-p udp` or `-p icmp` load. Without the `-p` before them iptables stops with `unknown option \"--dport\"`; an explicit `-m tcp` without `-p tcp` is refused too. NAT targets with ports (`--to-destination 10.0.0.5:8080`, `--to-ports`) and `--reject-with tcp-reset` also need the rule to be limited to a protocol with ports; the kernel refuses the last one with nothing but \"Invalid argument\".\n\n**Fix:** add `-p tcp` (or udp) before the option; for several ports use `-p tcp -m multiport --dports`. Source: iptables-extensions(8), \"tcp\", \"udp\", \"multiport\", \"REJECT\"."),
      error("iptables.option-without-target", "A target option (--to-ports, --to-destination, --reject-with...) without its -j",
          "Target options are only known after the `-j` that loads the target: `--to-ports 8080` without `-j REDIRECT` is an unknown option to iptables.\n\n**Fix:** write the target first: `-j REDIRECT --to-ports 8080`. Source: iptables-extensions(8), \"TARGET EXTENSIONS\"."),
      error("iptables.bad-value", "An address, port, interface, state or other value iptables refuses",
          "Each option parses its value: ports 0-65535 or a service name, ranges with min <= max, masks up to /32, interface names up to 15 characters, state names in upper case, known ICMP types, log levels and reject types. The message is iptables' own.\n\n**Fix:** correct the value. Source: iptables(8), iptables-extensions(8)."),
      error("iptables.bad-table", "A table that does not exist (table names are lower case)",
          "The tables are filter, nat, mangle, raw and security, in lower case; `-t NAT` fails with \"table 'NAT' does not exist\".\n\n**Fix:** use the lower-case name. Source: iptables(8), \"TABLES\"."),
      error("iptables.bad-negation", "A `!` in the wrong place, or before an option that cannot be negated",
          "Since iptables 1.4.3 the `!` comes before the option (`! -s 10.0.0.1`, `! --dport 22`); after the option it is read as the value and refused. Options such as -j, -m and -t cannot be negated.\n\n**Fix:** move the `!` before the option. Source: iptables(8), \"PARAMETERS\"."),
      error("iptables.interface-direction", "-i in OUTPUT/POSTROUTING or -o in PREROUTING/INPUT",
          "A packet in OUTPUT or POSTROUTING was generated or routed here and has no input interface; one in PREROUTING or INPUT has not been routed, so it has no output interface. iptables refuses the combination.\n\n**Fix:** use -o in OUTPUT/POSTROUTING and -i in PREROUTING/INPUT. Source: iptables(8), \"-i\" and \"-o\"."),
      error("iptables.target-placement", "A target used in a table or chain where the kernel does not allow it",
          "DNAT and REDIRECT work only in nat PREROUTING and OUTPUT, SNAT in nat POSTROUTING and INPUT, MASQUERADE in nat POSTROUTING, REJECT in INPUT, FORWARD and OUTPUT, CT and NOTRACK in raw. The kernel refuses the rest with only `RULE_APPEND failed (Invalid argument)`; opsbook names the real reason.\n\n**Fix:** move the rule to the table and chain named in the message. Source: iptables-extensions(8), each target's section."),
      error("iptables.match-placement", "A match used in a chain where the kernel does not allow it",
          "`-m owner` works only for locally generated packets (OUTPUT, POSTROUTING); `-m mac` only for arriving ones (PREROUTING, INPUT, FORWARD). The kernel answers `Invalid argument`.\n\n**Fix:** move the rule. Source: iptables-extensions(8), \"owner\" and \"mac\"."),
      error("iptables.unknown-chain", "A chain that does not exist in that table, or a jump to one",
          "Rules can only be added to built-in chains of the table or to user chains created earlier with -N; `-j NAME` needs NAME to be a target or an existing user chain. With `scope=article`, chains created in earlier snippets of the article count.\n\n**Fix:** create the chain first, use the right table (-t), or fix the case. Source: iptables(8)."),
      error("iptables.bad-policy", "A policy on a user chain, or a policy other than ACCEPT or DROP",
          "Only built-in chains have a policy, and it can only be ACCEPT or DROP. `-P INPUT REJECT` fails with \"Bad policy name\"; to reject by default, end the chain with a `-j REJECT` rule.\n\n**Fix:** use ACCEPT or DROP, or a final rule. Source: iptables(8), \"-P\"."),
      error("iptables.missing-option", "A match or target without the option it requires",
          "Some extensions cannot work without a parameter: DNAT needs --to-destination, hashlimit needs --hashlimit-name and a rate, recent needs one of --set/--rcheck/--update/--remove, TCPMSS needs --set-mss or --clamp-mss-to-pmtu.\n\n**Fix:** add the option. Source: iptables-extensions(8)."),
      error("iptables.conflicting-options", "Options of one extension that exclude each other",
          "For example `-m recent --set --update`, or `--syn` with `--tcp-flags`.\n\n**Fix:** keep one. Source: iptables-extensions(8)."),
      error("iptables.duplicate-option", "The same option twice in one match",
          "iptables refuses a second `--dport` in the same tcp match (\"Only one `--destination-port' allowed\").\n\n**Fix:** use `-m multiport --dports A,B` or two rules. Source: iptables-extensions(8)."),
      error("iptables.save-format", "A save file (iptables-restore input) that is not well formed",
          "A save file has blocks: `*table`, chain lines `:NAME POLICY [packets:bytes]`, rules without `-t`, and `COMMIT`. A block without COMMIT is not loaded at all.\n\n**Fix:** as the message says. Source: iptables-save(8), iptables-restore(8)."),
      error("iptables.unknown-extension", "A match module that does not exist",
          "`-m NAME` loads the match extension libxt_NAME; when there is none, iptables stops with \"Couldn't load match\". Match names are lower case (`-m conntrack`), target names upper case (`-j LOG`).\n\n**Fix:** correct the name. Source: iptables-extensions(8)."),
      RuleInfo.of("iptables.unchecked-extension", Severity.INFO, "A real extension that opsbook does not model; its options are passed through unchecked",
          "opsbook models the common extensions of iptables-extensions(8) option by option. Other real ones (time, string, NFLOG, TPROXY...) are accepted with their options unchecked, so iptables may still refuse a mistyped option there.\n\n**Fix:** nothing to fix; test the command on a host."),
      error("iptables.test-syntax", "A test case or query that opsbook cannot read",
          "A packet reads `PROTO SRC[:PORT] -> DST[:PORT] [in=IFACE] [out=IFACE] [state=NEW|ESTABLISHED|RELATED|INVALID|UNTRACKED] [uid=N] [gid=N] [mark=N] [flags=SYN,ACK] [icmp-type=NAME] [mac=ADDR]`, and a test case adds `=> [REWRITE, ...] VERDICT`, for example `=> DNAT 127.0.0.1:9040, ACCEPT`. A packet without `in=` is sent by the host itself.\n\n**Fix:** follow that shape."),
      RuleInfo.of("iptables.check-fails", Severity.INFO, "iptables -C finds no such rule at this point and exits with status 1",
          "`iptables -C` checks whether a rule exists; scripts use `iptables -C ... || iptables -A ...` to add a rule only once. opsbook replays the snippet and notes when the check fails, without treating it as an error.\n\nSource: iptables(8), \"-C, --check\"."),
      RuleInfo.of("iptables.shell-variable", Severity.INFO, "A shell variable whose value opsbook does not know",
          "`$EXT_IF` is expanded by the shell, so opsbook checks the rest of the command and treats the value as unknown. Assign it earlier in the snippet (`EXT_IF=eth0`) to have it checked.\n\nSource: sh(1), \"Parameter Expansion\"."),
      RuleInfo.of("iptables.other-command", Severity.INFO, "A command other than iptables in an iptables snippet (an error with `strict`)",
          "Snippets often mix `sysctl -w` or `ip link` with iptables commands; opsbook skips them. With the `strict` attribute, only iptables commands are allowed.\n\n**Fix:** move other commands to a shell snippet, or drop `strict`."));
}

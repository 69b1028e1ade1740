package org.opsbook.checker.iptables.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opsbook.checker.iptables.model.Command;
import org.opsbook.checker.iptables.model.Match;
import org.opsbook.checker.iptables.model.Operand;
import org.opsbook.checker.iptables.model.OptionValue;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.iptables.model.Target;
import org.opsbook.checker.iptables.model.Word;

/**
 * Parses the arguments of one iptables invocation (or one save-file rule line) the way
 * iptables 1.8's getopt loop does: options are read left to right, an extension's options only
 * exist after the {@code -m} or {@code -j} that loads it, and an unknown option after {@code -p}
 * loads that protocol's match. Stateless checks on the result (table, chain restrictions, option
 * dependencies) happen here too; checks that need earlier commands live in {@link RulesetAssembler}.
 */
final class CommandParser {
  private static final Map<String, Command.Kind> COMMANDS = commands();
  /** Basic options: long name, then the short letter ('\0' for none), then whether it takes an argument. */
  private static final List<String> BASIC_LONG = List.of(
      "append", "insert", "delete", "replace", "check", "policy", "new-chain", "delete-chain", "rename-chain",
      "flush", "zero", "list", "list-rules", "table", "protocol", "source", "src", "destination", "dst",
      "in-interface", "out-interface", "fragment", "jump", "goto", "match", "numeric", "verbose", "exact",
      "line-numbers", "wait", "wait-interval", "set-counters", "ipv4", "ipv6", "modprobe");

  private final List<Word> words;
  private final Findings out;
  private final String family;
  private final int line;
  private final String text;
  private boolean failed;

  private Command.Kind kind;
  private Word kindWord;
  private String table = "filter";
  private Word tableWord;
  private String chain;
  private Word chainWord;
  private int ruleNumber;
  private final List<String> args = new ArrayList<>();
  private Operand protocol;
  private Operand source;
  private Operand destination;
  private Operand in;
  private Operand outIface;
  private boolean fragment;
  private final List<MatchState> matches = new ArrayList<>();
  private Word targetWord;
  private boolean isGoto;
  private Extension targetExt;
  private final List<OptionValue> targetOptions = new ArrayList<>();
  private Word negation;
  private int pos;

  /** A match being filled in while options are read. */
  private record MatchState(Extension ext, Word at, boolean implicit, List<OptionValue> options) {}

  private CommandParser(List<Word> words, Findings out, String family, int line, String text) {
    this.words = words;
    this.out = out;
    this.family = family;
    this.line = line;
    this.text = text;
  }

  /**
   * Parses the words after the program name; returns empty when iptables would refuse the line
   * before reaching the kernel (the reasons are in {@code out}).
   */
  static Optional<Command> parse(List<Word> words, Word programWord, Findings out, String family, String text) {
    CommandParser p = new CommandParser(words, out, family, programWord.line(), text);
    return p.run(programWord);
  }

  private Optional<Command> run(Word programWord) {
    while (pos < words.size() && !failed) {
      Word w = words.get(pos++);
      if (w.variable()) {
        // treated as an unknown value; the checker reports it once per word
        if (!w.looksLikeOption()) {
          if (expectsPositional()) {
            positional(w);
          }
          continue;
        }
      }
      if (w.is("!")) {
        if (negation != null) {
          fail("iptables.bad-negation", w, "multiple consecutive ! not allowed", "a single ! negates the option after it");
        }
        negation = w;
        continue;
      }
      if (w.looksLikeOption() && !w.is("--")) {
        option(w);
      } else if (expectsPositional()) {
        positional(w);
      } else {
        fail("iptables.bad-argument", w, "Bad argument `" + w.text() + "'",
            hintForStray(w));
      }
    }
    if (failed) {
      return Optional.empty();
    }
    if (negation != null) {
      fail("iptables.bad-negation", negation, "! must be followed by an option", "put the ! directly before the option it negates, as in `! -s 10.0.0.1'");
      return Optional.empty();
    }
    if (kind == null) {
      fail("iptables.no-command", programWord, "no command specified",
          "add a command such as -A CHAIN (append a rule), -I, -D, -P, -N or -F");
      return Optional.empty();
    }
    return finish();
  }

  private String hintForStray(Word w) {
    if (Extensions.TARGETS.containsKey(w.text()) || Extensions.VERDICTS.contains(w.text())) {
      return "a target needs -j before it: -j " + w.text();
    }
    return "every value belongs to the option before it; check for a missing option or a stray space";
  }

  /** Whether a bare word can be a command's own argument (a chain, a rule number, a policy). */
  private boolean expectsPositional() {
    if (kind == null) {
      return false;
    }
    return switch (kind) {
      case INSERT, DELETE, REPLACE, ZERO, LIST_RULES -> chain != null && ruleNumber == 0 && args.isEmpty()
          && pos >= 2 && words.get(pos - 2) == chainWord || chain == null;
      case POLICY, RENAME_CHAIN -> chain == null || args.isEmpty();
      case FLUSH, LIST, DELETE_CHAIN, NEW_CHAIN, APPEND, CHECK -> chain == null;
    };
  }

  private void positional(Word w) {
    if (chain == null) {
      chain = w.text();
      chainWord = w;
      return;
    }
    switch (kind) {
      case POLICY, RENAME_CHAIN -> args.add(w.text());
      default -> {
        if (w.variable()) {
          ruleNumber = 1;
          return;
        }
        if (!w.text().matches("\\d{1,9}") || Integer.parseInt(w.text()) == 0) {
          fail("iptables.bad-command", w, "Invalid rule number `" + w.text() + "'", "rule numbers start at 1");
          return;
        }
        ruleNumber = Integer.parseInt(w.text());
      }
    }
  }

  private void option(Word w) {
    String t = w.text();
    if (t.startsWith("--")) {
      String name = t.substring(2);
      String inline = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        inline = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      longOption(w, name, inline);
      return;
    }
    // a cluster of short options, as getopt reads "-nvL"
    for (int i = 1; i < t.length() && !failed; i++) {
      char c = t.charAt(i);
      String rest = t.substring(i + 1);
      String longName = shortToLong(c);
      if (longName == null) {
        fail("iptables.unknown-option", w, "unknown option \"-" + c + "\"", null);
        return;
      }
      if (takesArgument(longName)) {
        basic(w, longName, rest.isEmpty() ? null : rest, "-" + c);
        return;
      }
      basic(w, longName, null, "-" + c);
    }
  }

  private static String shortToLong(char c) {
    return switch (c) {
      case 'A' -> "append"; case 'I' -> "insert"; case 'D' -> "delete"; case 'R' -> "replace";
      case 'C' -> "check"; case 'P' -> "policy"; case 'N' -> "new-chain"; case 'X' -> "delete-chain";
      case 'E' -> "rename-chain"; case 'F' -> "flush"; case 'Z' -> "zero"; case 'L' -> "list";
      case 'S' -> "list-rules"; case 't' -> "table"; case 'p' -> "protocol"; case 's' -> "source";
      case 'd' -> "destination"; case 'i' -> "in-interface"; case 'o' -> "out-interface";
      case 'f' -> "fragment"; case 'j' -> "jump"; case 'g' -> "goto"; case 'm' -> "match";
      case 'n' -> "numeric"; case 'v' -> "verbose"; case 'x' -> "exact"; case 'w' -> "wait";
      case 'W' -> "wait-interval"; case 'c' -> "set-counters"; case '4' -> "ipv4"; case '6' -> "ipv6";
      default -> null;
    };
  }

  private static boolean takesArgument(String longName) {
    return switch (longName) {
      case "append", "insert", "delete", "replace", "check", "policy", "new-chain", "rename-chain",
          "table", "protocol", "source", "src", "destination", "dst", "in-interface", "out-interface",
          "jump", "goto", "match", "wait-interval", "set-counters", "modprobe" -> true;
      default -> false;
    };
  }

  private void longOption(Word w, String name, String inline) {
    // getopt_long: an exact name wins, otherwise a unique prefix of the options loaded so far
    List<String> candidates = new ArrayList<>();
    String exactBasic = BASIC_LONG.contains(name) ? name : null;
    OptionSpec exactExt = null;
    Object exactOwner = null;
    for (MatchState m : matches) {
      Optional<OptionSpec> s = m.ext().exact(name);
      if (s.isPresent()) {
        exactExt = s.get();
        exactOwner = m;
      }
    }
    if (targetExt != null && targetExt.exact(name).isPresent()) {
      exactExt = targetExt.exact(name).get();
      exactOwner = targetExt;
    }
    if (exactBasic != null) {
      basic(w, name, inline, "--" + name);
      return;
    }
    if (exactExt == null) {
      for (String b : BASIC_LONG) {
        if (b.startsWith(name)) {
          candidates.add(b);
        }
      }
      for (MatchState m : matches) {
        for (OptionSpec s : m.ext().options()) {
          if (s.name().startsWith(name)) {
            candidates.add(s.name());
            exactExt = s;
            exactOwner = m;
          }
        }
      }
      if (targetExt != null) {
        for (OptionSpec s : targetExt.options()) {
          if (s.name().startsWith(name)) {
            candidates.add(s.name());
            exactExt = s;
            exactOwner = targetExt;
          }
        }
      }
      if (candidates.size() == 1 && BASIC_LONG.contains(candidates.get(0))) {
        basic(w, candidates.get(0), inline, "--" + name);
        return;
      }
      if (candidates.size() > 1) {
        fail("iptables.unknown-option", w, "option \"--" + name + "\" is ambiguous", "spell the option out: " + String.join(", ", candidates.stream().map(c -> "--" + c).toList()));
        return;
      }
      if (candidates.isEmpty()) {
        exactExt = null;
      }
    }
    if (exactExt == null && protocol != null && !protocol.negated()) {
      // iptables: an unknown option after -p loads the protocol's match and retries
      Optional<Extension> implicit = Extensions.implicitFor(Values.protocol(protocol.value()), ipv6());
      if (implicit.isPresent() && matches.stream().noneMatch(m -> m.ext() == implicit.get())) {
        matches.add(new MatchState(implicit.get(), protocol.at(), true, new ArrayList<>()));
        pos--;
        return;
      }
    }
    if (exactExt == null) {
      unknownOption(w, name);
      return;
    }
    extensionOption(w, exactExt, exactOwner, inline);
  }

  private boolean ipv6() {
    return family.equals("ipv6");
  }

  private void unknownOption(Word w, String name) {
    String msg = "unknown option \"--" + name + "\"";
    List<String> matchOwners = new ArrayList<>();
    for (Extension e : Extensions.MATCHES.values()) {
      if (e.exact(name).isPresent()) {
        matchOwners.add(e.name());
      }
    }
    List<String> targetOwners = new ArrayList<>();
    for (Extension e : Extensions.TARGETS.values()) {
      if (e.exact(name).isPresent()) {
        targetOwners.add(e.name());
      }
    }
    if (!matchOwners.isEmpty() && Extensions.match(matchOwners.get(0)).get().protocols().size() == 1
        && matchOwners.stream().allMatch(o -> List.of("tcp", "udp", "udplite", "sctp", "dccp", "icmp", "icmp6").contains(o))) {
      List<String> protos = matchOwners.stream().filter(o -> !o.equals("udplite") && !o.equals("dccp") && !o.equals("sctp"))
          .map(o -> o.equals("icmp6") ? "icmpv6" : o).filter(o -> !(ipv6() && o.equals("icmp")) && !(!ipv6() && o.equals("icmpv6"))).toList();
      if (protos.isEmpty()) {
        fail("iptables.unknown-option", w, msg + ": --" + name + " is for " + (ipv6() ? "IPv4 (iptables)" : "IPv6 (ip6tables)") + " rules",
            ipv6() ? "ip6tables uses -p icmpv6 --icmpv6-type" : "iptables uses -p icmp --icmp-type");
        return;
      }
      String protoHint = String.join(" or ", protos.stream().map(p -> "-p " + p).toList());
      String reason = protocol != null && protocol.negated()
          ? "--" + name + " needs a positive " + protoHint + "; a negated -p loads no protocol match"
          : protocol != null
              ? "--" + name + " is not an option of -p " + protocol.value() + "; it belongs to " + protoHint
              : "--" + name + " needs " + protoHint + " before it";
      fail("iptables.protocol-required", w, msg + ": " + reason,
          "add " + protos.stream().map(p -> "-p " + p).findFirst().orElse("-p tcp") + " before --" + name
              + (name.endsWith("port") ? " (or use -m multiport with -p)" : ""));
      return;
    }
    if (!targetOwners.isEmpty() && matchOwners.isEmpty()) {
      String owners = String.join(" or ", targetOwners.stream().map(t -> "-j " + t).toList());
      fail("iptables.option-without-target", w,
          msg + ": --" + name + " is an option of the " + String.join("/", targetOwners) + " target, which is not loaded here",
          "write " + owners + " before --" + name + "; target options follow their target");
      return;
    }
    if (!matchOwners.isEmpty()) {
      fail("iptables.unknown-option", w, msg + ": --" + name + " belongs to the " + String.join("/", matchOwners) + " match",
          "load the match first: -m " + matchOwners.get(0) + " --" + name);
      return;
    }
    fail("iptables.unknown-option", w, msg, "see iptables(8) and iptables-extensions(8) for the options of each match and target");
  }

  private void extensionOption(Word w, OptionSpec spec, Object owner, String inline) {
    boolean neg = takeNegation(w, spec.negatable(), "--" + spec.name());
    List<String> values = new ArrayList<>();
    if (inline != null) {
      values.add(inline);
    }
    while (values.size() < spec.arity()) {
      Word next = pos < words.size() ? words.get(pos) : null;
      if (next == null || isKnownOption(next)) {
        fail("iptables.missing-argument", w, "option \"--" + spec.name() + "\" requires " + (spec.arity() == 2 ? "two arguments" : "an argument"),
            next == null ? "give the value after --" + spec.name() : "the next word is the option " + next.text() + ": the value of --" + spec.name() + " is missing");
        return;
      }
      if (next.is("!") && spec.negatable()) {
        fail("iptables.bad-negation", next, Values.check(spec.kind(), spec.name(), List.of("!"), ipv6()) != null
                ? Values.check(spec.kind(), spec.name(), List.of("!"), ipv6()) + ": the ! belongs before the option"
                : "! after --" + spec.name() + " is taken as its value",
            "write `! --" + spec.name() + " VALUE' instead of `--" + spec.name() + " ! VALUE'");
        return;
      }
      pos++;
      if (next.variable()) {
        values.add("$");
        continue;
      }
      values.add(next.text());
    }
    if (!values.contains("$")) {
      String error = Values.check(spec.kind(), spec.name(), values, ipv6());
      if (error != null) {
        Word at = pos - 1 < words.size() && pos > 0 && inline == null ? words.get(pos - 1) : w;
        fail("iptables.bad-value", at, error, valueHint(spec));
        return;
      }
    }
    OptionValue value = new OptionValue(spec.name(), values, neg, w);
    List<OptionValue> list = owner instanceof MatchState m ? m.options() : targetOptions;
    String extName = owner instanceof MatchState m ? m.ext().name() : targetExt.name();
    if (list.stream().anyMatch(o -> o.name().equals(spec.name()))) {
      fail("iptables.duplicate-option", w, "Only one `--" + spec.name() + "' allowed" + (owner instanceof MatchState ? "" : " for " + extName),
          "to match either value, use -m multiport or two rules");
      return;
    }
    list.add(value);
  }

  private static String valueHint(OptionSpec spec) {
    return switch (spec.kind()) {
      case PORT_RANGE -> "ports are 0-65535 or a service name; a range is FIRST:LAST with FIRST <= LAST";
      case PORT_LIST -> "a comma-separated list of up to 15 ports or FIRST:LAST ranges";
      case STATES -> "states are " + String.join(",", Values.STATES);
      case CTSTATES -> "states are " + String.join(",", Values.CTSTATES);
      case ICMP_TYPE -> "see `iptables -p icmp -h' for the type names, or give TYPE[/CODE] as numbers";
      case REJECT_TYPE -> "one of " + String.join(", ", Values.REJECT_TYPES.stream().filter(t -> t.contains("-") && (t.startsWith("icmp") || t.equals("tcp-reset"))).toList());
      case LOG_LEVEL -> "a level 0-7 or one of " + String.join(", ", Values.LOG_LEVELS);
      case NAT_PORTS -> "a port or FIRST-LAST range with a dash";
      case RATE -> "a rate is N/second, N/minute, N/hour or N/day";
      default -> null;
    };
  }

  private boolean isKnownOption(Word w) {
    if (!w.looksLikeOption()) {
      return false;
    }
    String t = w.text();
    if (t.startsWith("--")) {
      String n = t.substring(2);
      return BASIC_LONG.contains(n) || Extensions.MATCHES.values().stream().anyMatch(e -> e.exact(n).isPresent())
          || Extensions.TARGETS.values().stream().anyMatch(e -> e.exact(n).isPresent());
    }
    return t.length() == 2 && shortToLong(t.charAt(1)) != null;
  }

  private boolean takeNegation(Word w, boolean allowed, String display) {
    if (negation == null) {
      return false;
    }
    Word n = negation;
    negation = null;
    if (!allowed) {
      fail("iptables.bad-negation", n, "cannot have ! before " + display, display + " cannot be negated; drop the !");
    }
    return true;
  }

  /** Reads the argument of a basic option: the inline part, or the next word. */
  private Word argument(Word w, String display, String inline, String what) {
    if (inline != null) {
      return new Word(inline, w.line(), w.column() + 2, w.variable(), w.quoted());
    }
    Word next = pos < words.size() ? words.get(pos) : null;
    if (next == null) {
      fail("iptables.missing-argument", w, "option \"" + display + "\" requires an argument", "give " + what + " after " + display);
      return null;
    }
    if (isKnownOption(next) || next.is("!") && !display.equals("-j")) {
      fail("iptables.missing-argument", w, display + " needs " + what + ", but the next word is " + (next.is("!") ? "!" : "the option " + next.text()),
          "put " + what + " after " + display + (next.is("!") ? "; the ! goes before " + display : "; it was probably lost in editing"));
      return null;
    }
    pos++;
    return next;
  }

  private void basic(Word w, String name, String inline, String display) {
    switch (name) {
      case "append", "insert", "delete", "replace", "check", "policy", "new-chain", "delete-chain",
          "rename-chain", "flush", "zero", "list", "list-rules" -> command(w, name, inline, display);
      case "table" -> {
        takeNegation(w, false, display);
        Word a = argument(w, display, inline, "a table name");
        if (a == null) {
          return;
        }
        if (tableWord != null) {
          fail("iptables.bad-argument", w, "multiple -t flags not allowed", null);
          return;
        }
        tableWord = a;
        table = a.text();
        if (!a.variable() && !Tables.exists(table)) {
          String lower = table.toLowerCase(Locale.ROOT);
          fail("iptables.bad-table", a, "table '" + table + "' does not exist",
              Tables.exists(lower) ? "table names are lower case: -t " + lower : "the tables are filter, nat, mangle, raw and security");
        }
      }
      case "protocol" -> {
        boolean neg = takeNegation(w, true, display);
        Word a = argument(w, display, inline, "a protocol");
        if (a == null) {
          return;
        }
        if (protocol != null) {
          fail("iptables.bad-argument", w, "multiple -p flags not allowed", null);
          return;
        }
        if (!a.variable() && Values.protocol(a.text()) == null) {
          fail("iptables.bad-value", a, "unknown protocol \"" + a.text() + "\" specified", "use a name from /etc/protocols (tcp, udp, icmp, ...) or a number");
          return;
        }
        if (family.equals("ipv4") && Values.protocol(a.text()) != null && (a.text().equalsIgnoreCase("icmpv6") || a.text().equalsIgnoreCase("ipv6-icmp"))) {
          out.warning("iptables.never-matches", a, "-p " + a.text() + " never matches IPv4 packets", "ICMP for IPv4 is -p icmp; ICMPv6 belongs in ip6tables");
        }
        protocol = new Operand(a.text(), neg, w);
      }
      case "source", "src", "destination", "dst" -> {
        boolean neg = takeNegation(w, true, display);
        Word a = argument(w, display, inline, "an address");
        if (a == null) {
          return;
        }
        boolean src = name.startsWith("s");
        if (src ? source != null : destination != null) {
          fail("iptables.bad-argument", w, "multiple " + (src ? "-s" : "-d") + " flags not allowed", null);
          return;
        }
        if (!a.variable() && family.equals("ipv6")) {
          String e = Values.addressList(a.text(), true);
          if (e != null) {
            fail("iptables.bad-value", a, e, a.text().contains(".") && !a.text().contains(":")
                ? "an IPv4 address belongs in an iptables rule, not ip6tables" : "an address is an IPv6 address, ADDRESS/PREFIX or a host name");
            return;
          }
        }
        if (!a.variable() && family.equals("ipv4")) {
          String e = Values.addressList(a.text(), false);
          if (e != null) {
            fail("iptables.bad-value", a, e, "an address is A.B.C.D, A.B.C.D/PREFIX, A.B.C.D/MASK or a host name");
            return;
          }
          if (a.text().contains(":") && !a.text().contains(".")) {
            fail("iptables.bad-value", a, "host/network `" + a.text() + "' not found", "IPv6 addresses belong in ip6tables rules");
            return;
          }
        }
        Operand o = new Operand(a.variable() ? "$" : a.text(), neg, w);
        if (src) {
          source = o;
        } else {
          destination = o;
        }
      }
      case "in-interface", "out-interface" -> {
        boolean neg = takeNegation(w, true, display);
        Word a = argument(w, display, inline, "an interface name");
        if (a == null) {
          return;
        }
        if (!a.variable()) {
          String e = Values.iface(a.text());
          if (e != null) {
            fail("iptables.bad-value", a, e, "Linux interface names have at most 15 characters");
            return;
          }
        }
        Operand o = new Operand(a.variable() ? "$" : a.text(), neg, w);
        if (name.startsWith("in")) {
          in = o;
        } else {
          outIface = o;
        }
      }
      case "fragment" -> {
        takeNegation(w, true, display);
        fragment = true;
      }
      case "jump", "goto" -> {
        takeNegation(w, false, display);
        Word a = argument(w, display, inline, "a target");
        if (a == null) {
          return;
        }
        if (targetWord != null) {
          fail("iptables.bad-argument", w, "multiple -j flags not allowed", null);
          return;
        }
        targetWord = a;
        isGoto = name.equals("goto");
        targetExt = Extensions.target(a.text()).orElse(null);
        if (targetExt == null && Extensions.ALL_TARGET_NAMES.contains(a.text())) {
          out.info("iptables.unchecked-extension", a, "opsbook does not model the " + a.text() + " target; its options are not checked", null);
          skipUnknownExtensionOptions();
        }
      }
      case "match" -> {
        takeNegation(w, false, display);
        Word a = argument(w, display, inline, "a match name");
        if (a == null) {
          return;
        }
        Optional<Extension> ext = Extensions.match(a.text());
        if (ext.isEmpty()) {
          if (a.variable() || Extensions.ALL_MATCH_NAMES.contains(a.text())) {
            if (!a.variable()) {
              out.info("iptables.unchecked-extension", a, "opsbook does not model the " + a.text() + " match; its options are not checked", null);
            }
            skipUnknownExtensionOptions();
            return;
          }
          fail("iptables.unknown-extension", a, "Couldn't load match `" + a.text() + "':No such file or directory",
              Extensions.ALL_MATCH_NAMES.contains(a.text().toLowerCase(Locale.ROOT))
                  ? "match names are lower case: -m " + a.text().toLowerCase(Locale.ROOT)
                  : "see iptables-extensions(8) for the match modules");
          return;
        }
        matches.add(new MatchState(ext.get(), a, false, new ArrayList<>()));
      }
      case "wait" -> {
        if (pos < words.size() && words.get(pos).text().matches("\\d+")) {
          pos++;
        }
      }
      case "set-counters" -> {
        Word a = argument(w, display, inline, "packet and byte counts");
        if (a != null && inline == null && pos < words.size()) {
          pos++;
        }
      }
      default -> takeNegation(w, false, display);
    }
  }

  /** After an unknown -m, skip its options so they are not reported as unknown. */
  private void skipUnknownExtensionOptions() {
    while (pos < words.size()) {
      Word n = words.get(pos);
      if (n.looksLikeOption() && n.text().length() == 2 && shortToLong(n.text().charAt(1)) != null) {
        return;
      }
      if (n.text().startsWith("--") && BASIC_LONG.contains(n.text().substring(2))) {
        return;
      }
      pos++;
    }
  }

  private void command(Word w, String name, String inline, String display) {
    takeNegation(w, false, display);
    Command.Kind k = COMMANDS.get(name);
    if (kind != null) {
      fail("iptables.bad-command", w, "Cannot use -" + k.letter() + " with -" + kind.letter(), "give one command per iptables call");
      return;
    }
    kind = k;
    kindWord = w;
    if (inline != null) {
      chain = inline;
      chainWord = new Word(inline, w.line(), w.column() + 2, w.variable(), w.quoted());
      return;
    }
    boolean needsChain = takesArgument(name);
    if (needsChain) {
      Word next = pos < words.size() ? words.get(pos) : null;
      if (next == null || next.looksLikeOption() || next.is("!")) {
        fail("iptables.missing-argument", w, "option \"" + display + "\" requires an argument", "name the chain after " + display);
        return;
      }
      pos++;
      chain = next.text();
      chainWord = next;
    }
  }

  private Optional<Command> finish() {
    String c = chain;
    Word cw = chainWord == null ? kindWord : chainWord;
    switch (kind) {
      case POLICY -> {
        if (args.isEmpty()) {
          fail("iptables.missing-argument", kindWord, "-P requires a chain and a policy", "write -P CHAIN ACCEPT or -P CHAIN DROP");
          return Optional.empty();
        }
      }
      case RENAME_CHAIN -> {
        if (args.isEmpty()) {
          fail("iptables.missing-argument", kindWord, "-E requires old-chain-name and new-chain-name", null);
          return Optional.empty();
        }
      }
      case REPLACE -> {
        if (ruleNumber == 0) {
          fail("iptables.missing-argument", kindWord, "-R requires a rule number", "write -R CHAIN NUMBER followed by the new rule");
          return Optional.empty();
        }
      }
      default -> { }
    }
    if (!kind.takesRule() && (protocol != null || source != null || destination != null || in != null
        || outIface != null || !matches.isEmpty() || targetWord != null)) {
      Word offending = targetWord != null ? targetWord : protocol != null ? protocol.at() : source != null ? source.at()
          : destination != null ? destination.at() : in != null ? in.at() : outIface != null ? outIface.at() : matches.get(0).at();
      fail("iptables.bad-command", offending, "Illegal option with -" + kind.letter() + ": it takes no rule specification",
          "only -A, -I, -D, -R and -C take matches and a target");
      return Optional.empty();
    }
    Rule rule = null;
    if (kind.takesRule() && !(kind == Command.Kind.DELETE && ruleNumber > 0)) {
      checkDirections(c);
      checkMatches(c);
      Target target = checkTarget(c);
      if (failed) {
        return Optional.empty();
      }
      List<Match> built = new ArrayList<>();
      for (MatchState m : matches) {
        built.add(new Match(m.ext().name(), m.options(), m.implicit(), m.at()));
      }
      rule = new Rule(table, c, protocol, source, destination, in, outIface, fragment, built, target, line, text);
    }
    if (failed) {
      return Optional.empty();
    }
    return Optional.of(new Command(kind, table, c, ruleNumber, args, rule, kindWord, cw));
  }

  private void checkDirections(String c) {
    // iptables(8): -i only for packets entering (PREROUTING, INPUT, FORWARD), -o only for leaving ones
    if (in != null && ("OUTPUT".equals(c) || "POSTROUTING".equals(c))) {
      fail("iptables.interface-direction", in.at(), "Can't use -i with " + c,
          "packets in " + c + " have no input interface yet; match the output interface with -o");
    }
    if (outIface != null && ("PREROUTING".equals(c) || "INPUT".equals(c))) {
      fail("iptables.interface-direction", outIface.at(), "Can't use -o with " + c,
          "packets in " + c + " have not been routed, so they have no output interface; use -i");
    }
  }

  private void checkMatches(String c) {
    String proto = protocol == null || protocol.negated() ? null : Values.protocol(protocol.value());
    for (MatchState m : matches) {
      Extension e = m.ext();
      if (!e.protocols().isEmpty() && !(protocol != null && protocol.value().equals("$"))
          && (proto == null || !e.protocols().contains(proto))) {
        String need = e.name().equals("multiport")
            ? "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'"
            : e.name().toUpperCase(Locale.ROOT) + " match requires '-p " + e.name() + "'";
        fail("iptables.protocol-required", m.at(), need, "put -p " + e.protocols().get(0) + " before -m " + e.name());
        return;
      }
      if (!e.hooks().isEmpty() && isBuiltinHere(c) && !e.hooks().contains(c)) {
        fail("iptables.match-placement", m.at(),
            e.name() + " match is not valid in " + c + " (iptables only says: RULE_APPEND failed (Invalid argument))",
            "the kernel allows -m " + e.name() + " only in " + String.join(", ", e.hooks())
                + (e.name().equals("owner") ? ": the owning socket is only known for locally generated packets" : ": only incoming packets carry a source MAC"));
        return;
      }
      checkMatchOptions(m);
    }
  }

  private void checkMatchOptions(MatchState m) {
    List<String> names = m.options().stream().map(OptionValue::name).toList();
    switch (m.ext().name()) {
      case "recent" -> {
        List<String> modes = names.stream().filter(n -> List.of("set", "rcheck", "update", "remove").contains(n)).toList();
        if (modes.size() > 1) {
          fail("iptables.conflicting-options", m.options().get(names.indexOf(modes.get(1))).at(),
              "recent: option \"--" + modes.get(0) + "\" cannot be used together with \"--" + modes.get(1) + "\".", "use one of --set, --rcheck, --update, --remove per rule");
        } else if (modes.isEmpty()) {
          fail("iptables.missing-option", m.at(), "recent: you must specify one of `--set', `--rcheck', `--update' or `--remove'", null);
        }
      }
      case "hashlimit" -> {
        if (!names.contains("hashlimit-name")) {
          fail("iptables.missing-option", m.at(), "hashlimit: option \"--hashlimit-name\" must be specified", "name the hash table: --hashlimit-name NAME");
        } else if (!names.contains("hashlimit-upto") && !names.contains("hashlimit-above") && !names.contains("hashlimit")) {
          fail("iptables.missing-option", m.at(), "hashlimit: option \"--hashlimit-upto\" must be specified", "give the rate with --hashlimit-upto or --hashlimit-above");
        }
      }
      case "connlimit" -> {
        if (!names.contains("connlimit-upto") && !names.contains("connlimit-above")) {
          fail("iptables.missing-option", m.at(), "connlimit: option \"--connlimit-upto\" or \"--connlimit-above\" must be specified", null);
        }
      }
      case "set" -> {
        if (!names.contains("match-set")) {
          fail("iptables.missing-option", m.at(), "set: option \"--match-set\" must be specified", null);
        }
      }
      case "mark", "connmark" -> {
        if (!names.contains("mark")) {
          fail("iptables.missing-option", m.at(), m.ext().name() + ": option \"--mark\" must be specified", null);
        }
      }
      case "comment" -> {
        if (!names.contains("comment")) {
          fail("iptables.missing-option", m.at(), "comment: option \"--comment\" must be specified", null);
        }
      }
      case "state" -> {
        if (!names.contains("state")) {
          fail("iptables.missing-option", m.at(), "state: option \"--state\" must be specified", null);
        }
      }
      case "tcp" -> {
        if (names.contains("syn") && names.contains("tcp-flags")) {
          fail("iptables.conflicting-options", m.options().get(names.indexOf("tcp-flags")).at(),
              "--syn and --tcp-flags cannot be used together", "--syn is short for --tcp-flags SYN,RST,ACK,FIN SYN");
        }
      }
      default -> { }
    }
  }

  private boolean isBuiltinHere(String c) {
    return c != null && Tables.isBuiltin(table, c);
  }

  private Target checkTarget(String c) {
    if (targetWord == null) {
      return null;
    }
    String name = targetWord.text();
    if (targetExt != null) {
      Extension e = targetExt;
      String reason = null;
      if (!e.tables().isEmpty() && !e.tables().contains(table) && Tables.exists(table)) {
        reason = e.name() + " is only valid in the " + e.tables().get(0) + " table"
            + (e.hooks().isEmpty() ? "" : " (chains " + String.join(", ", e.hooks()) + ")") + ", not in " + table;
      } else if (!e.hooks().isEmpty() && isBuiltinHere(c) && !e.hooks().contains(c)) {
        reason = e.name() + " is only valid in the " + String.join(", ", e.hooks()) + " chain" + (e.hooks().size() > 1 ? "s" : "") + ", not in " + c;
      }
      if (reason != null) {
        fail("iptables.target-placement", targetWord, reason + " (iptables only says: RULE_APPEND failed (Invalid argument))",
            placementHint(e.name()));
        return null;
      }
      checkTargetOptions(e, c);
    } else if (Extensions.VERDICTS.contains(name) || name.equals("$") || targetWord.variable()) {
      // built-in verdict or unknown value
    } else if (name.length() > 28) {
      fail("iptables.bad-value", targetWord, "Invalid target name `" + name + "' (28 chars max)", null);
    }
    return new Target(targetWord.variable() ? "$" : name, targetOptions, isGoto, targetWord);
  }

  private static String placementHint(String target) {
    return switch (target) {
      case "DNAT", "REDIRECT" -> "rewrite destinations in -t nat -A PREROUTING (arriving traffic) or -t nat -A OUTPUT (local traffic)";
      case "SNAT" -> "rewrite sources in -t nat -A POSTROUTING";
      case "MASQUERADE" -> "use -t nat -A POSTROUTING -o OUT_IFACE -j MASQUERADE";
      case "REJECT" -> "REJECT works in INPUT, FORWARD and OUTPUT (or user chains called from them)";
      case "CT", "NOTRACK" -> "use -t raw -A PREROUTING or -t raw -A OUTPUT";
      default -> null;
    };
  }

  private void checkTargetOptions(Extension e, String c) {
    List<String> names = targetOptions.stream().map(OptionValue::name).toList();
    String proto = protocol == null || protocol.negated() ? null : Values.protocol(protocol.value());
    boolean protoUnknown = protocol != null && protocol.value().equals("$");
    boolean portProto = proto != null && List.of("tcp", "udp", "sctp", "dccp", "udplite").contains(proto);
    switch (e.name()) {
      case "DNAT", "SNAT" -> {
        String opt = e.name().equals("DNAT") ? "to-destination" : "to-source";
        Optional<OptionValue> to = targetOptions.stream().filter(o -> o.name().equals(opt)).findFirst();
        if (to.isEmpty()) {
          fail("iptables.missing-option", targetWord, e.name() + ": option \"--" + opt + "\" must be specified", "say where to: --" + opt + " ADDRESS[:PORT]");
        } else if (to.get().arg().contains(":") && !portProto && !protoUnknown) {
          fail("iptables.protocol-required", to.get().at(), "Need TCP, UDP, SCTP or DCCP with port specification",
              "only TCP, UDP, SCTP and DCCP have ports: add -p tcp or -p udp to the rule");
        }
      }
      case "REDIRECT", "MASQUERADE" -> {
        Optional<OptionValue> to = targetOptions.stream().filter(o -> o.name().equals("to-ports")).findFirst();
        if (to.isPresent() && !portProto && !protoUnknown) {
          fail("iptables.protocol-required", to.get().at(), "Need TCP, UDP, SCTP or DCCP with port specification",
              "only TCP, UDP, SCTP and DCCP have ports: add -p tcp or -p udp to the rule");
        }
      }
      case "REJECT" -> {
        Optional<OptionValue> with = targetOptions.stream().filter(o -> o.name().equals("reject-with")).findFirst();
        if (with.isPresent() && with.get().arg().startsWith("tcp-r") && !"tcp".equals(proto) && !protoUnknown) {
          // ipt_REJECT checkentry: tcp-reset only for rules that match -p tcp and nothing else
          fail("iptables.protocol-required", with.get().at(),
              "--reject-with " + with.get().arg() + " needs -p tcp (iptables only says: RULE_APPEND failed (Invalid argument))",
              "a TCP reset answers TCP only: add -p tcp, or use icmp-port-unreachable for other protocols");
        }
      }
      case "TCPMSS" -> {
        if (!"tcp".equals(proto) && !protoUnknown) {
          fail("iptables.protocol-required", targetWord, "TCPMSS needs -p tcp (iptables only says: RULE_APPEND failed (Invalid argument))",
              "add -p tcp --tcp-flags SYN,RST SYN");
        } else if (names.isEmpty()) {
          fail("iptables.missing-option", targetWord, "TCPMSS target: At least one parameter is required", "give --set-mss VALUE or --clamp-mss-to-pmtu");
        } else if (names.size() > 1) {
          fail("iptables.conflicting-options", targetOptions.get(1).at(), "TCPMSS target: Only one option may be specified", null);
        }
      }
      case "MARK" -> {
        if (names.isEmpty()) {
          fail("iptables.missing-option", targetWord, "MARK target: Parameter --set/and/or/xor-mark is required", null);
        }
      }
      case "CONNMARK" -> {
        if (names.stream().noneMatch(n -> List.of("set-mark", "set-xmark", "save-mark", "restore-mark", "and-mark", "or-mark", "xor-mark").contains(n))) {
          fail("iptables.missing-option", targetWord, "CONNMARK target: No operation specified", "give --set-mark, --save-mark or --restore-mark");
        }
      }
      default -> { }
    }
  }

  private void fail(String rule, Word at, String message, String hint) {
    if (failed) {
      return;
    }
    failed = true;
    out.error(rule, at, message, hint);
  }

  private static Map<String, Command.Kind> commands() {
    Map<String, Command.Kind> m = new TreeMap<>();
    m.put("append", Command.Kind.APPEND);
    m.put("insert", Command.Kind.INSERT);
    m.put("delete", Command.Kind.DELETE);
    m.put("replace", Command.Kind.REPLACE);
    m.put("check", Command.Kind.CHECK);
    m.put("policy", Command.Kind.POLICY);
    m.put("new-chain", Command.Kind.NEW_CHAIN);
    m.put("delete-chain", Command.Kind.DELETE_CHAIN);
    m.put("rename-chain", Command.Kind.RENAME_CHAIN);
    m.put("flush", Command.Kind.FLUSH);
    m.put("zero", Command.Kind.ZERO);
    m.put("list", Command.Kind.LIST);
    m.put("list-rules", Command.Kind.LIST_RULES);
    return java.util.Collections.unmodifiableMap(m);
  }
}

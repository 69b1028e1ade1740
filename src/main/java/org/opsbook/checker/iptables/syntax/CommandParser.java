package org.opsbook.checker.iptables.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opsbook.check.Findings;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.iptables.IptablesRules;
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
  private final List<Word> words;
  private final Findings out;
  private final FirstFailure failure;
  private final String family;
  private final int line;
  private final String text;

  private Command.Kind kind;
  private Word kindWord;
  private String table = "filter";
  private Word tableWord;
  private String chain;
  private Word chainWord;
  private int ruleNumber;
  private final List<String> args = new ArrayList<>();
  private final List<Word> argWords = new ArrayList<>();
  private Operand protocol;
  private Operand source;
  private Operand destination;
  private Operand in;
  private Operand outIface;
  private boolean fragment;
  private final List<MatchDraft> matches = new ArrayList<>();
  private Word targetWord;
  private boolean isGoto;
  private Extension targetExt;
  private final List<OptionValue> targetOptions = new ArrayList<>();
  private Word negation;
  private int pos;
  private boolean waits;
  private Word waitInterval;
  /** Flags that iptables refuses to see twice. */
  private final java.util.Set<String> flags = new java.util.TreeSet<>();

  /** Basic options whose value iptables reads from the whole word when it is attached. */
  private static final java.util.Set<String> WHOLE_WORD_OPTIONS = java.util.Set.of(
      "protocol", "source", "src", "destination", "dst", "in-interface", "out-interface", "jump");

  
  private CommandParser(List<Word> words, Findings out, String family, int line, String text) {
    this.words = words;
    this.out = out;
    this.failure = new FirstFailure(out);
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
    while (pos < words.size() && !failure.failed()) {
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
          fail(IptablesRules.BAD_NEGATION, w, "multiple consecutive ! not allowed", "a single ! negates the option after it");
        }
        negation = w;
        continue;
      }
      if (w.looksLikeOption() && !w.is("--")) {
        option(w);
      } else if (expectsPositional()) {
        positional(w);
      } else {
        fail(IptablesRules.BAD_ARGUMENT, w, "Bad argument `" + w.text() + "'",
            OptionAdvice.hintForStray(w));
      }
    }
    if (failure.failed()) {
      return Optional.empty();
    }
    if (negation != null) {
      fail(IptablesRules.BAD_NEGATION, negation, "! must be followed by an option", "put the ! directly before the option it negates, as in `! -s 10.0.0.1'");
      return Optional.empty();
    }
    if (waitInterval != null && !waits) {
      fail(IptablesRules.BAD_ARGUMENT, waitInterval, "--wait-interval only makes sense with --wait", "drop -W; iptables-nft ignores it anyway");
      return Optional.empty();
    }
    if (kind == null) {
      fail(IptablesRules.NO_COMMAND, programWord, "no command specified",
          "add a command such as -A CHAIN (append a rule), -I, -D, -P, -N or -F");
      return Optional.empty();
    }
    return finish();
  }

  /** Whether a bare word can be a command's own argument (a chain, a rule number, a policy). */
  private boolean expectsPositional() {
    if (kind == null) {
      return false;
    }
    return switch (kind) {
      case INSERT, DELETE, REPLACE, ZERO, LIST, LIST_RULES -> chain != null && ruleNumber == 0 && args.isEmpty()
          && pos >= 2 && words.get(pos - 2) == chainWord || chain == null;
      case POLICY, RENAME_CHAIN -> chain == null || args.isEmpty();
      case FLUSH, DELETE_CHAIN, NEW_CHAIN, APPEND, CHECK -> chain == null;
    };
  }

  private void positional(Word w) {
    if (chain == null) {
      chain = w.text();
      chainWord = w;
      return;
    }
    switch (kind) {
      case POLICY, RENAME_CHAIN -> {
        args.add(w.text());
        argWords.add(w);
      }
      default -> {
        if (w.variable()) {
          ruleNumber = 1;
          return;
        }
        // xshared.c parse_rulenumber: 1 to INT_MAX
        if (!BasicOptions.isDigits(w.text(), 10) || Long.parseLong(w.text()) == 0 || Long.parseLong(w.text()) > Integer.MAX_VALUE) {
          fail(IptablesRules.BAD_COMMAND, w, "Invalid rule number `" + w.text() + "'", "rule numbers start at 1");
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
    for (int i = 1; i < t.length() && !failure.failed(); i++) {
      char c = t.charAt(i);
      String rest = t.substring(i + 1);
      String longName = BasicOptions.shortToLong(c);
      if (longName == null) {
        fail(IptablesRules.UNKNOWN_OPTION, w, "unknown option \"-" + c + "\"", null);
        return;
      }
      if (BasicOptions.takesArgument(longName) || BasicOptions.takesOptionalArgument(longName) && !rest.isEmpty()) {
        // getopt: the rest of the word is the argument ("-tnat", "-FINPUT", "-w5")
        basic(w, longName, rest.isEmpty() ? null : rest, "-" + c);
        return;
      }
      basic(w, longName, null, "-" + c);
    }
  }

  private void longOption(Word w, String name, String inline) {
    // getopt_long: an exact name wins, otherwise a unique prefix of the options loaded so far
    List<String> candidates = new ArrayList<>();
    String exactBasic = BasicOptions.BASIC_LONG_SET.contains(name) ? name : null;
    OptionSpec exactExt = null;
    Object exactOwner = null;
    for (MatchDraft m : matches) {
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
      for (String b : BasicOptions.BASIC_LONG) {
        if (b.startsWith(name)) {
          candidates.add(b);
        }
      }
      // getopt_long sees every alias as an option of its own, so prefixes of aliases count too
      for (MatchDraft m : matches) {
        for (OptionSpec s : m.ext().options()) {
          if (BasicOptions.prefixOf(name, s)) {
            candidates.add(s.name());
            exactExt = s;
            exactOwner = m;
          }
        }
      }
      if (targetExt != null) {
        for (OptionSpec s : targetExt.options()) {
          if (BasicOptions.prefixOf(name, s)) {
            candidates.add(s.name());
            exactExt = s;
            exactOwner = targetExt;
          }
        }
      }
      if (candidates.size() == 1 && BasicOptions.BASIC_LONG.contains(candidates.get(0))) {
        basic(w, candidates.get(0), inline, "--" + name);
        return;
      }
      if (candidates.size() > 1) {
        fail(IptablesRules.UNKNOWN_OPTION, w, "option \"--" + name + "\" is ambiguous", "spell the option out: " + String.join(", ", candidates.stream().map(c -> "--" + c).toList()));
        return;
      }
      if (candidates.isEmpty()) {
        exactExt = null;
      }
    }
    if (exactExt == null && protocol != null && !protocol.negated()) {
      // iptables: an unknown option after -p loads the protocol's match and retries
      Optional<Extension> implicit = Extensions.implicitFor(ArgumentChecks.protocol(protocol.value()), ipv6());
      if (implicit.isPresent() && matches.stream().noneMatch(m -> m.ext() == implicit.get())) {
        matches.add(new MatchDraft(implicit.get(), protocol.at(), true, new ArrayList<>()));
        pos--;
        return;
      }
    }
    if (exactExt == null) {
      OptionAdvice.unknownOption(w, name, protocol, ipv6(), failure);
      return;
    }
    extensionOption(w, exactExt, exactOwner, inline);
  }

  private boolean ipv6() {
    return family.equals("ipv6");
  }

  private void extensionOption(Word w, OptionSpec spec, Object owner, String inline) {
    boolean neg = takeNegation(w, spec.negatable(), "--" + spec.name());
    if (spec.arity() == 0 && refuseValue(w, inline)) {
      return;
    }
    List<String> values = new ArrayList<>();
    if (inline != null) {
      values.add(inline);
    }
    while (values.size() < spec.arity()) {
      Word next = pos < words.size() ? words.get(pos) : null;
      if (next == null || BasicOptions.isKnownOption(next)) {
        fail(IptablesRules.MISSING_ARGUMENT, w, "option \"--" + spec.name() + "\" requires " + (spec.arity() == 2 ? "two arguments" : "an argument"),
            next == null ? "give the value after --" + spec.name() : "the next word is the option " + next.text() + ": the value of --" + spec.name() + " is missing");
        return;
      }
      if (next.is("!") && spec.negatable()) {
        fail(IptablesRules.BAD_NEGATION, next, ArgumentChecks.check(spec.kind(), spec.name(), List.of("!"), ipv6()) != null
                ? ArgumentChecks.check(spec.kind(), spec.name(), List.of("!"), ipv6()) + ": the ! belongs before the option"
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
      String error = ArgumentChecks.check(spec.kind(), spec.name(), values, ipv6());
      if (error != null) {
        Word at = pos - 1 < words.size() && pos > 0 && inline == null ? words.get(pos - 1) : w;
        fail(IptablesRules.BAD_VALUE, at, error, OptionAdvice.valueHint(spec));
        return;
      }
    }
    OptionValue value = new OptionValue(spec.name(), values, neg, w);
    List<OptionValue> list = owner instanceof MatchDraft m ? m.options() : targetOptions;
    String extName = owner instanceof MatchDraft m ? m.ext().name() : targetExt.name();
    if (list.stream().anyMatch(o -> o.name().equals(spec.name()))) {
      boolean portMatch = owner instanceof MatchDraft m && m.ext().protocols().size() == 1;
      boolean synOrFlags = spec.name().equals("syn") || spec.name().equals("tcp-flags");
      fail(IptablesRules.DUPLICATE_OPTION, w, synOrFlags ? "Only one of `--syn' or `--tcp-flags'  allowed"
          : portMatch ? "Only one `--" + spec.name() + "' allowed"
              : extName + ": option \"--" + spec.name() + "\" can only be used once.",
          "to match either value, use -m multiport or two rules");
      return;
    }
    list.add(value);
  }

  private boolean takeNegation(Word w, boolean allowed, String display) {
    if (negation == null) {
      return false;
    }
    Word n = negation;
    negation = null;
    if (!allowed) {
      fail(IptablesRules.BAD_NEGATION, n, "cannot have ! before " + display, display + " cannot be negated; drop the !");
    }
    return true;
  }

  /** Reads the argument of a basic option: the inline part, or the next word. */
  private Word argument(Word w, String display, String inline, String what) {
    if (inline != null) {
      if (WHOLE_WORD_OPTIONS.contains(display.length() == 2 ? BasicOptions.shortToLong(display.charAt(1)) : display.substring(2))) {
        // xshared.c reads these through argv[optind - 1], the whole word, to allow the old
        // "-s ! ADDR": "--source=10.0.0.1" and "-s10.0.0.1" give the address "--source=10.0.0.1"
        IptablesRules.reportAt(out, IptablesRules.ATTACHED_VALUE, w,
            "iptables reads the value of " + display + " from the whole word, so `" + w.text() + "' is the " + what.replaceFirst("^an? ", ""),
            "write the value as a word of its own: " + display + " " + inline);
        return w;
      }
      return new Word(inline, w.line(), w.column() + 2, w.variable(), w.quoted());
    }
    Word next = pos < words.size() ? words.get(pos) : null;
    if (next == null) {
      fail(IptablesRules.MISSING_ARGUMENT, w, "option \"" + display + "\" requires an argument", "give " + what + " after " + display);
      return null;
    }
    if (BasicOptions.isKnownOption(next) || next.is("!") && !display.equals("-j")) {
      fail(IptablesRules.MISSING_ARGUMENT, w, display + " needs " + what + ", but the next word is " + (next.is("!") ? "!" : "the option " + next.text()),
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
        // iptables 1.8.9 lets a second -t replace the first
        tableWord = a;
        table = a.text();
        if (!a.variable() && !Tables.exists(table)) {
          String lower = table.toLowerCase(Locale.ROOT);
          fail(IptablesRules.BAD_TABLE, a, "table '" + table + "' does not exist",
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
          fail(IptablesRules.BAD_ARGUMENT, w, "multiple -p flags not allowed", null);
          return;
        }
        if (!a.variable() && ArgumentChecks.protocol(a.text()) == null) {
          fail(IptablesRules.BAD_VALUE, a, "unknown protocol \"" + a.text() + "\" specified", "use a name from /etc/protocols (tcp, udp, icmp, ...) or a number");
          return;
        }
        if (family.equals("ipv4") && ArgumentChecks.protocol(a.text()) != null && (a.text().equalsIgnoreCase("icmpv6") || a.text().equalsIgnoreCase("ipv6-icmp"))) {
          IptablesRules.reportAt(out, IptablesRules.NEVER_MATCHES, a, "-p " + a.text() + " never matches IPv4 packets", "ICMP for IPv4 is -p icmp; ICMPv6 belongs in ip6tables");
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
          fail(IptablesRules.BAD_ARGUMENT, w, "multiple " + (src ? "-s" : "-d") + " flags not allowed", null);
          return;
        }
        if (!a.variable() && family.equals("ipv6")) {
          String e = ArgumentChecks.addressList(a.text(), true);
          if (e != null) {
            fail(IptablesRules.BAD_VALUE, a, e, a.text().contains(".") && !a.text().contains(":")
                ? "an IPv4 address belongs in an iptables rule, not ip6tables" : "an address is an IPv6 address, ADDRESS/PREFIX or a host name");
            return;
          }
        }
        if (!a.variable() && family.equals("ipv4")) {
          String e = ArgumentChecks.addressList(a.text(), false);
          if (e != null) {
            fail(IptablesRules.BAD_VALUE, a, e, "an address is A.B.C.D, A.B.C.D/PREFIX, A.B.C.D/MASK or a host name");
            return;
          }
          if (a.text().contains(":") && !a.text().contains(".")) {
            fail(IptablesRules.BAD_VALUE, a, "host/network `" + a.text() + "' not found", "IPv6 addresses belong in ip6tables rules");
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
          String e = ArgumentChecks.iface(a.text());
          if (e != null) {
            fail(IptablesRules.BAD_VALUE, a, e, "Linux interface names have at most 15 characters");
            return;
          }
        }
        if (name.startsWith("in") ? in != null : outIface != null) {
          fail(IptablesRules.BAD_ARGUMENT, w, "multiple " + (name.startsWith("in") ? "-i" : "-o") + " flags not allowed", null);
          return;
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
        if (refuseValue(w, inline)) {
          return;
        }
        if (fragment) {
          fail(IptablesRules.BAD_ARGUMENT, w, "multiple -f flags not allowed", null);
          return;
        }
        fragment = true;
      }
      case "jump", "goto" -> {
        takeNegation(w, false, display);
        Word a = argument(w, display, inline, "a target");
        if (a == null) {
          return;
        }
        if (targetWord != null) {
          fail(IptablesRules.BAD_ARGUMENT, w, "multiple -j flags not allowed", null);
          return;
        }
        targetWord = a;
        isGoto = name.equals("goto");
        targetExt = Extensions.target(a.text()).orElse(null);
        if (targetExt == null && Extensions.ALL_TARGET_NAMES.contains(a.text())) {
          IptablesRules.reportAt(out, IptablesRules.UNCHECKED_EXTENSION, a, "opsbook does not model the " + a.text() + " target; its options are not checked", null);
          readOpaqueOptions(targetOptions);
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
              IptablesRules.reportAt(out, IptablesRules.UNCHECKED_EXTENSION, a, "opsbook does not model the " + a.text() + " match; its options are not checked", null);
            }
            MatchDraft opaque = new MatchDraft(Extension.of(a.variable() ? "$" : a.text()), a, false, new ArrayList<>());
            readOpaqueOptions(opaque.options());
            matches.add(opaque);
            return;
          }
          fail(IptablesRules.UNKNOWN_EXTENSION, a, "Couldn't load match `" + a.text() + "':No such file or directory",
              Extensions.ALL_MATCH_NAMES.contains(a.text().toLowerCase(Locale.ROOT))
                  ? "match names are lower case: -m " + a.text().toLowerCase(Locale.ROOT)
                  : "see iptables-extensions(8) for the match modules");
          return;
        }
        matches.add(new MatchDraft(ext.get(), a, false, new ArrayList<>()));
      }
      case "wait" -> {
        waits = true;
        if (inline == null && pos < words.size() && BasicOptions.isDigits(words.get(pos).text(), 9)) {
          pos++;
        }
      }
      case "numeric", "exact", "line-numbers" -> {
        takeNegation(w, false, display);
        if (refuseValue(w, inline)) {
          return;
        }
        if (!flags.add(name)) {
          fail(IptablesRules.BAD_ARGUMENT, w, "multiple " + display + " flags not allowed", "give " + display + " once");
        }
      }
      case "set-counters" -> {
        Word a = argument(w, display, inline, "packet and byte counts");
        if (a != null && inline == null && pos < words.size()) {
          pos++;
        }
      }
      case "wait-interval", "modprobe" -> {
        if (name.equals("wait-interval")) {
          waitInterval = w;
        }
        argument(w, display, inline, "a value");
      }
      default -> {
        takeNegation(w, false, display);
        refuseValue(w, inline);
      }
    }
  }

  /** getopt_long refuses {@code --flag=VALUE} for an option without an argument; iptables names the word. */
  private boolean refuseValue(Word w, String inline) {
    if (inline == null) {
      return false;
    }
    fail(IptablesRules.UNKNOWN_OPTION, w, "unknown option \"" + w.text() + "\"", "this option takes no value: drop the =" + inline);
    return true;
  }

  /**
   * After a match or target opsbook does not model, keeps its options as written, up to the next
   * option of iptables itself, so they are neither reported as unknown nor lost to {@code -D}.
   */
  private void readOpaqueOptions(List<OptionValue> into) {
    boolean negated = false;
    while (pos < words.size()) {
      Word n = words.get(pos);
      if (isBasicOption(n) || n.is("!") && pos + 1 < words.size() && isBasicOption(words.get(pos + 1))) {
        return;
      }
      pos++;
      if (n.is("!")) {
        negated = true;
      } else if (n.text().startsWith("--") && n.text().length() > 2) {
        String name = n.text().substring(2);
        int eq = name.indexOf('=');
        List<String> args = new ArrayList<>();
        if (eq >= 0) {
          args.add(name.substring(eq + 1));
          name = name.substring(0, eq);
        }
        into.add(new OptionValue(name, args, negated, n));
        negated = false;
      } else if (!into.isEmpty()) {
        OptionValue last = into.remove(into.size() - 1);
        List<String> args = new ArrayList<>(last.args());
        args.add(n.variable() ? "$" : n.text());
        into.add(new OptionValue(last.name(), args, last.negated(), last.at()));
      }
    }
  }

  private static boolean isBasicOption(Word n) {
    if (n.looksLikeOption() && n.text().length() == 2 && BasicOptions.shortToLong(n.text().charAt(1)) != null) {
      return true;
    }
    return n.text().startsWith("--") && BasicOptions.BASIC_LONG.contains(n.text().substring(2));
  }

  private void command(Word w, String name, String inline, String display) {
    takeNegation(w, false, display);
    Command.Kind k = BasicOptions.COMMANDS.get(name);
    if (kind != null) {
      fail(IptablesRules.BAD_COMMAND, w, "Cannot use -" + k.letter() + " with -" + kind.letter(), "give one command per iptables call");
      return;
    }
    kind = k;
    kindWord = w;
    if (inline != null) {
      chain = inline;
      chainWord = new Word(inline, w.line(), w.column() + 2, w.variable(), w.quoted());
      return;
    }
    boolean needsChain = BasicOptions.takesArgument(name);
    if (needsChain) {
      Word next = pos < words.size() ? words.get(pos) : null;
      if (next == null || next.looksLikeOption() || next.is("!")) {
        fail(IptablesRules.MISSING_ARGUMENT, w, "option \"" + display + "\" requires an argument", "name the chain after " + display);
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
          fail(IptablesRules.MISSING_ARGUMENT, kindWord, "-P requires a chain and a policy", "write -P CHAIN ACCEPT or -P CHAIN DROP");
          return Optional.empty();
        }
      }
      case RENAME_CHAIN -> {
        if (args.isEmpty()) {
          fail(IptablesRules.MISSING_ARGUMENT, kindWord, "-E requires old-chain-name and new-chain-name", null);
          return Optional.empty();
        }
      }
      case REPLACE -> {
        if (ruleNumber == 0) {
          fail(IptablesRules.MISSING_ARGUMENT, kindWord, "-R requires a rule number", "write -R CHAIN NUMBER followed by the new rule");
          return Optional.empty();
        }
      }
      default -> { }
    }
    if (!kind.takesRule() && (protocol != null || source != null || destination != null || in != null
        || outIface != null || !matches.isEmpty() || targetWord != null)) {
      Word offending = targetWord != null ? targetWord : protocol != null ? protocol.at() : source != null ? source.at()
          : destination != null ? destination.at() : in != null ? in.at() : outIface != null ? outIface.at() : matches.get(0).at();
      fail(IptablesRules.BAD_COMMAND, offending, "Illegal option with -" + kind.letter() + ": it takes no rule specification",
          "only -A, -I, -D, -R and -C take matches and a target");
      return Optional.empty();
    }
    Rule rule = null;
    if (kind.takesRule() && !(kind == Command.Kind.DELETE && ruleNumber > 0)) {
      RuleDraft draft = new RuleDraft(table, protocol, in, outIface, matches, targetWord, targetExt, targetOptions, isGoto);
      Target target = RuleConstraints.check(draft, c, failure);
      if (failure.failed()) {
        return Optional.empty();
      }
      List<Match> built = new ArrayList<>();
      for (MatchDraft m : matches) {
        built.add(new Match(m.ext().name(), m.options(), m.implicit(), m.at(), Extensions.match(m.ext().name()).isEmpty()));
      }
      rule = new Rule(table, c, protocol, source, destination, in, outIface, fragment, built, target, line,
          out.snippet().at(line, 1).line(), text);
    }
    if (failure.failed()) {
      return Optional.empty();
    }
    return Optional.of(new Command(kind, table, c, ruleNumber, args, rule, kindWord, cw, argWords));
  }

  private void fail(RuleInfo rule, Word at, String message, String hint) {
    failure.fail(rule, at, message, hint);
  }


}

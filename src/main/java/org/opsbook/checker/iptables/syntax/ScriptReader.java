package org.opsbook.checker.iptables.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsbook.check.Findings;
import org.opsbook.check.RuleInfo;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.IptablesRules;
import org.opsbook.checker.iptables.model.Command;
import org.opsbook.checker.iptables.model.Outcome;
import org.opsbook.checker.iptables.model.Word;
import org.opsbook.diag.Diagnostic;

/**
 * Replays a snippet of shell command lines as a shell would run it on a fresh host: each iptables
 * call is parsed and applied in order; the shell's AND-OR lists decide which calls run ({@code A
 * && B} runs B only after A succeeded, {@code A || B} only after A failed); a call whose failure a
 * {@code ||} absorbs is noted, and a refusal that depends only on the state of the host (a chain
 * that exists already, a rule that is not there to delete) is then a note rather than an error.
 * Variables assigned in the snippet are substituted, other commands are skipped, and with CR LF
 * line ends every call that receives the carriage return is refused, as iptables refuses it.
 * One instance per snippet; not thread-safe.
 */
final class ScriptReader {
  private static final Set<String> IPV4_PROGRAMS = Set.of("iptables", "iptables-legacy", "iptables-nft");
  private static final Set<String> IPV6_PROGRAMS = Set.of("ip6tables", "ip6tables-legacy", "ip6tables-nft");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?");
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);
  /** Shell reserved words and prefixes that may precede a command on the same line. */
  private static final Set<String> LEADING_KEYWORDS = Set.of("do", "then", "else", "if", "elif", "while", "until", "{", "(", "time", "exec", "!", "command");
  /** Shell reserved words that end a compound command; nothing to check. */
  private static final Set<String> CLOSING_KEYWORDS = Set.of("done", "fi", "}", ")", "esac");
  /** sudo(8) options that take an argument, so the word after them is not the command. */
  private static final Set<String> SUDO_OPTIONS_WITH_ARGUMENT = Set.of("-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U");
  /** Commands whose exit status is known without running them. */
  private static final Set<String> ALWAYS_SUCCEED = Set.of("echo", "printf");
  /** Commands that do nothing but set an exit status, as {@code || true} uses them; nothing to note. */
  private static final Set<String> SHELL_NO_OPS = Set.of("true", ":", "false");

  /** A command's exit status as far as the replay knows it. */
  private enum Status {
    SUCCESS, FAILURE, UNKNOWN
  }

  private final Snippet snippet;
  private final RulesetAssembler assembler;
  private final RulesetAssembler otherFamily;
  private final Findings out;
  private final List<Command> commands;
  private final List<Outcome> outcomes;
  private final boolean strict;
  private final String family;
  private final Map<String, String> variables = new TreeMap<>();
  private Word firstCarriageReturn;
  private int carriageReturns;

  ScriptReader(Snippet snippet, RulesetAssembler assembler, Findings out, List<Command> commands, List<Outcome> outcomes) {
    this.snippet = snippet;
    this.assembler = assembler;
    this.out = out;
    this.commands = commands;
    this.outcomes = outcomes;
    this.strict = snippet.hasFlag("strict");
    this.family = IptablesParser.family(snippet);
    // commands of the other family (ip6tables in an iptables snippet) are checked against tables of their own
    this.otherFamily = new RulesetAssembler(family.equals("ipv4") ? "ipv6" : "ipv4");
  }

  void read() {
    Status last = Status.SUCCESS;
    boolean lastRan = true;
    ShellTokenizer.Operator link = ShellTokenizer.Operator.END;
    for (ShellTokenizer.Command sc : ShellTokenizer.tokenize(snippet.text(), out)) {
      // sh(1) AND-OR lists: && and || look at the status of the last command that ran
      boolean runs = switch (link) {
        case AND -> last != Status.FAILURE;
        case OR -> last != Status.SUCCESS;
        case PIPE -> lastRan;
        default -> true;
      };
      Status status = command(sc, runs);
      if (runs) {
        last = status;
      }
      lastRan = runs;
      link = sc.next();
    }
    if (firstCarriageReturn != null) {
      String word = firstCarriageReturn.text();
      int cr = Math.max(0, word.indexOf('\r'));
      out.report(IptablesRules.CRLF, firstCarriageReturn.line(), firstCarriageReturn.column() + cr,
          "`" + word.replace("\r", "\\r") + "' ends in a carriage return: the snippet has Windows (CR LF) line ends, and iptables refuses "
              + (carriageReturns == 1 ? "the command" : "each of the " + carriageReturns + " commands") + " whose last word carries the CR",
          "convert the file to LF line ends (dos2unix, or the editor's line-end setting)");
    }
  }

  private Status command(ShellTokenizer.Command sc, boolean runs) {
    Status status = simpleCommand(sc, runs);
    if (!sc.words().isEmpty() && sc.words().get(0).is("!") && !sc.words().get(0).quoted()) {
      // sh(1): "! pipeline" inverts the exit status
      return status == Status.SUCCESS ? Status.FAILURE : status == Status.FAILURE ? Status.SUCCESS : status;
    }
    return status;
  }

  private Status simpleCommand(ShellTokenizer.Command sc, boolean runs) {
    List<Word> words = new ArrayList<>(sc.words());
    while (!words.isEmpty()) {
      Word first = words.get(0);
      Matcher a = ASSIGNMENT.matcher(first.text());
      if (first.is("sudo")) {
        words.remove(0);
        while (!words.isEmpty() && words.get(0).looksLikeOption()) {
          boolean takesArgument = SUDO_OPTIONS_WITH_ARGUMENT.contains(words.remove(0).text());
          if (takesArgument && !words.isEmpty()) {
            words.remove(0);
          }
        }
      } else if (first.is("export") && words.size() > 1) {
        words.remove(0);
      } else if (LEADING_KEYWORDS.contains(first.text()) && !first.quoted()) {
        // "do iptables ..." in a loop body, "then iptables ..." in an if: the command follows
        words.remove(0);
      } else if (a.matches() && !first.text().startsWith("-")) {
        if (!first.variable()) {
          variables.put(a.group(1), a.group(2).replace("\r", ""));
        }
        words.remove(0);
      } else {
        break;
      }
    }
    if (words.isEmpty()) {
      return Status.SUCCESS;
    }
    if (CLOSING_KEYWORDS.contains(words.get(0).text())) {
      return Status.UNKNOWN;
    }
    Word program = words.get(0);
    if (program.variable()) {
      program = substitute(program);
      if (program.variable()) {
        return Status.UNKNOWN; // reported as an unknown value; it may well be $IPTABLES
      }
    }
    String name = withoutCarriageReturn(program.text());
    name = name.substring(name.lastIndexOf('/') + 1);
    boolean v4 = IPV4_PROGRAMS.contains(name);
    boolean v6 = IPV6_PROGRAMS.contains(name);
    if (!v4 && !v6) {
      if (SHELL_NO_OPS.contains(name)) {
        return name.equals("false") ? Status.FAILURE : Status.SUCCESS;
      }
      otherCommand(program, name);
      return ALWAYS_SUCCEED.contains(name) ? Status.SUCCESS : name.equals("false") ? Status.FAILURE : Status.UNKNOWN;
    }
    if (sc.heredoc()) {
      IptablesRules.reportAt(out, IptablesRules.OTHER_COMMAND, program, "a here-document is input data; opsbook does not check it",
          "put the rules in their own iptables-save snippet");
      return Status.UNKNOWN;
    }
    return iptables(sc, words, program, v6, runs);
  }

  private Status iptables(ShellTokenizer.Command sc, List<Word> words, Word program, boolean v6, boolean runs) {
    boolean mainFamily = v6 == family.equals("ipv6");
    RulesetAssembler target = mainFamily ? assembler : otherFamily;
    String commandFamily = v6 ? "ipv6" : "ipv4";
    String text = withoutCarriageReturn(String.join(" ", words.stream().map(Word::text).toList()));
    List<Word> args = new ArrayList<>();
    for (Word w : words.subList(1, words.size())) {
      args.add(substitute(w));
    }
    Word carriageReturn = words.stream().filter(w -> w.text().indexOf('\r') >= 0).findFirst().orElse(null);
    if (carriageReturn != null) {
      return withCarriageReturn(sc, args, program, commandFamily, text, target, mainFamily, carriageReturn, runs);
    }
    Findings parsing = new Findings(snippet);
    Optional<Command> cmd = CommandParser.parse(args, program, parsing, commandFamily, text);
    forward(parsing, false);
    if (!runs) {
      outcomes.add(new Outcome(program.line(), Outcome.Status.NOT_RUN));
      return Status.UNKNOWN;
    }
    Findings state = new Findings(snippet);
    boolean applied = cmd.isPresent() && target.apply(cmd.get(), state);
    boolean accepted = applied && !parsing.hasErrors() && !state.hasErrors();
    boolean check = cmd.isPresent() && cmd.get().kind() == Command.Kind.CHECK;
    boolean hidden = !accepted && sc.next() == ShellTokenizer.Operator.OR && !check;
    forward(state, hidden);
    if (hidden && (cmd.isEmpty() || parsing.hasErrors())) {
      IptablesRules.reportAt(out, IptablesRules.HIDDEN_FAILURE, sc.operatorAt(),
          "`||' absorbs the failure of the command before it: iptables refuses it on any host, and the script goes on as if it had worked",
          "fix the command, or drop the `||' if the failure should stop the script");
    }
    if (applied && mainFamily) {
      commands.add(cmd.get());
    }
    outcomes.add(Outcome.of(program.line(), accepted));
    return accepted ? Status.SUCCESS : Status.FAILURE;
  }

  /**
   * A command whose words carry a carriage return (CR LF line ends). It is replayed as iptables
   * receives it, CR included, since that decides whether iptables takes it ({@code --comment
   * "x"\r} passes, {@code -j ACCEPT\r} does not); the author sees the line ends reported once,
   * and the command checked as meant, without the CR, for mistakes of its own.
   */
  private Status withCarriageReturn(ShellTokenizer.Command sc, List<Word> args, Word program, String commandFamily, String text,
      RulesetAssembler target, boolean mainFamily, Word carriageReturn, boolean runs) {
    List<Word> meant = new ArrayList<>();
    for (Word w : args) {
      String t = withoutCarriageReturn(w.text());
      if (!t.isEmpty() || w.quoted() && w.text().indexOf('\r') < 0) {
        meant.add(t.equals(w.text()) ? w : new Word(t, w.line(), w.column(), w.variable(), w.quoted()));
      }
    }
    Findings parsing = new Findings(snippet);
    CommandParser.parse(meant, program, parsing, commandFamily, text);
    forward(parsing, false);
    if (!runs) {
      outcomes.add(new Outcome(program.line(), Outcome.Status.NOT_RUN));
      return Status.UNKNOWN;
    }
    Findings asReceived = new Findings(snippet);
    Optional<Command> cmd = CommandParser.parse(args, program, asReceived, commandFamily, text);
    boolean accepted = cmd.isPresent() && target.apply(cmd.get(), asReceived) && !asReceived.hasErrors();
    if (!accepted) {
      carriageReturns++;
      if (firstCarriageReturn == null) {
        firstCarriageReturn = carriageReturn;
      }
    }
    if (accepted && mainFamily) {
      commands.add(cmd.get());
    }
    outcomes.add(Outcome.of(program.line(), accepted));
    return accepted ? Status.SUCCESS : Status.FAILURE;
  }

  /**
   * Passes a command's findings on; with {@code absorbed}, its errors (which depend on what the
   * host already has, since the command parsed) become notes that {@code ||} absorbs them.
   */
  private void forward(Findings buffer, boolean absorbed) {
    for (Diagnostic d : buffer.diagnostics()) {
      if (absorbed && d.isError()) {
        out.reportAt(IptablesRules.HIDDEN_FAILURE, d.where(), d.message() + " (on a fresh host; `||' absorbs the failure and runs the next command)",
            d.hint());
      } else {
        RuleInfo rule = IptablesRules.byId(d.rule().value());
        out.reportAt(rule, d.where(), d.message(), d.hint());
      }
    }
  }

  private void otherCommand(Word program, String name) {
    if (name.equals("iptables-save") || name.equals("iptables-restore") || name.equals("ip6tables-save") || name.equals("ip6tables-restore")) {
      IptablesRules.reportAt(out, IptablesRules.OTHER_COMMAND, program, name + " reads or writes a rules file; opsbook does not run it", null);
      return;
    }
    if (strict) {
      IptablesRules.reportAt(out, IptablesRules.STRICT_OTHER_COMMAND, program, "`" + name + "' is not an iptables command, and this snippet is strict",
          "move other commands to a shell snippet, or drop the strict attribute");
    } else {
      IptablesRules.reportAt(out, IptablesRules.OTHER_COMMAND, program, "`" + name + "' is not an iptables command; opsbook skips it", null);
    }
  }

  /** Replaces {@code $NAME} by a value assigned earlier in the snippet; other expansions stay unknown. */
  private Word substitute(Word w) {
    if (!w.variable()) {
      return w;
    }
    Matcher m = VARIABLE.matcher(withoutCarriageReturn(w.text()));
    if (m.matches() && variables.containsKey(m.group(1))) {
      return new Word(variables.get(m.group(1)) + (w.text().endsWith("\r") ? "\r" : ""), w.line(), w.column(), false, true);
    }
    IptablesRules.reportAt(out, IptablesRules.SHELL_VARIABLE, w,
        "`" + withoutCarriageReturn(w.text()) + "' is expanded by the shell; opsbook treats it as an unknown value",
        "assign it earlier in the snippet (NAME=value) to have the value checked");
    return w;
  }

  private static String withoutCarriageReturn(String s) {
    return s.indexOf('\r') < 0 ? s : s.replace("\r", "");
  }
}

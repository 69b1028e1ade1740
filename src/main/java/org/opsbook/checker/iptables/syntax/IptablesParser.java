package org.opsbook.checker.iptables.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.model.Command;
import org.opsbook.checker.iptables.model.Outcome;
import org.opsbook.checker.iptables.model.Ruleset;
import org.opsbook.checker.iptables.model.Word;
import org.opsbook.diag.Diagnostic;

/**
 * Reads an iptables snippet, in either form articles use, into a {@link Ruleset}: shell command
 * lines ({@code iptables -A INPUT ...}) or the save-file format of iptables-save(8). Stateless
 * and thread-safe.
 */
public final class IptablesParser {
  private static final Set<String> IPV4_PROGRAMS = Set.of("iptables", "iptables-legacy", "iptables-nft");
  private static final Set<String> IPV6_PROGRAMS = Set.of("ip6tables", "ip6tables-legacy", "ip6tables-nft");
  private static final Set<String> SAVE_LANGUAGES = Set.of("iptables-save", "iptables-restore", "ip6tables-save", "ip6tables-restore");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?");
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);
  private static final Pattern TABLE_LINE = Pattern.compile("\\*(\\S*)\\s*");
  private static final Pattern CHAIN_LINE = Pattern.compile(":(\\S+)\\s+(\\S+)");
  private static final Pattern COUNTERS = Pattern.compile("\\[\\d+:\\d+\\]\\s");

  /** Shell reserved words that may precede a command on the same line. */
  private static final Set<String> LEADING_KEYWORDS = Set.of("do", "then", "else", "if", "elif", "while", "until", "{", "(", "time", "exec", "!");
  /** Shell reserved words that end a compound command; nothing to check. */
  private static final Set<String> CLOSING_KEYWORDS = Set.of("done", "fi", "}", ")", "esac");

  private IptablesParser() {}

  /**
   * What a snippet builds.
   *
   * @param ruleset the tables after every accepted command
   * @param commands the commands iptables would accept, in order
   * @param outcomes one per iptables call (or per committed table of a save file)
   * @param diagnostics what iptables refuses and what opsbook could not read
   */
  public record Result(Ruleset ruleset, List<Command> commands, List<Outcome> outcomes, List<Diagnostic> diagnostics) {
    public Result {
      commands = List.copyOf(commands);
      outcomes = List.copyOf(outcomes);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Whether a snippet is written in the save-file format rather than as commands. */
  public static boolean isSaveFormat(Snippet snippet) {
    if (SAVE_LANGUAGES.contains(snippet.language())) {
      return true;
    }
    for (String l : snippet.lines()) {
      String s = l.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      return s.startsWith("*") || s.startsWith(":");
    }
    return false;
  }

  public static String family(Snippet snippet) {
    return snippet.language().startsWith("ip6") ? "ipv6" : "ipv4";
  }

  /**
   * Parses the snippet after replaying {@code earlier} snippets (whose findings are dropped), so
   * chains they create exist; pass an empty list for a snippet on its own.
   */
  public static Result parse(Snippet snippet, List<Snippet> earlier) {
    String family = family(snippet);
    RulesetAssembler assembler = new RulesetAssembler(family);
    for (Snippet s : earlier) {
      if (family(s).equals(family)) {
        read(s, assembler, new Findings(s), new ArrayList<>(), new ArrayList<>());
      }
    }
    Findings findings = new Findings(snippet);
    List<Command> commands = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    read(snippet, assembler, findings, commands, outcomes);
    return new Result(assembler.toRuleset(), commands, outcomes, findings.diagnostics());
  }

  private static void read(Snippet s, RulesetAssembler assembler, Findings out, List<Command> commands, List<Outcome> outcomes) {
    if (isSaveFormat(s)) {
      readSaveFile(s, assembler, out, commands, outcomes);
    } else {
      readCommands(s, assembler, out, commands, outcomes);
    }
  }

  private static void readCommands(Snippet s, RulesetAssembler assembler, Findings out, List<Command> commands, List<Outcome> outcomes) {
    boolean strict = s.hasFlag("strict");
    String family = family(s);
    Map<String, String> variables = new TreeMap<>();
    // commands of the other family (ip6tables in an iptables snippet) are checked against tables of their own
    RulesetAssembler otherFamily = new RulesetAssembler(family.equals("ipv4") ? "ipv6" : "ipv4");
    for (ShellTokenizer.Command sc : ShellTokenizer.tokenize(s.text(), out)) {
      List<Word> words = new ArrayList<>(sc.words());
      while (!words.isEmpty()) {
        Matcher a = ASSIGNMENT.matcher(words.get(0).text());
        if (words.get(0).is("sudo")) {
          words.remove(0);
          while (!words.isEmpty() && words.get(0).looksLikeOption()) {
            words.remove(0);
          }
        } else if (words.get(0).is("export") && words.size() > 1) {
          words.remove(0);
        } else if (LEADING_KEYWORDS.contains(words.get(0).text()) && !words.get(0).quoted()) {
          // "do iptables ..." in a loop body, "then iptables ..." in an if: the command follows
          words.remove(0);
        } else if (a.matches() && !words.get(0).text().startsWith("-")) {
          if (!words.get(0).variable()) {
            variables.put(a.group(1), a.group(2));
          }
          words.remove(0);
        } else {
          break;
        }
      }
      if (words.isEmpty() || CLOSING_KEYWORDS.contains(words.get(0).text())) {
        continue;
      }
      Word program = words.get(0);
      if (program.variable()) {
        program = substitute(program, variables, out);
        if (program.variable()) {
          continue; // reported as an unknown value; it may well be $IPTABLES
        }
      }
      String name = program.text().substring(program.text().lastIndexOf('/') + 1);
      boolean v4 = IPV4_PROGRAMS.contains(name);
      boolean v6 = IPV6_PROGRAMS.contains(name);
      if (!v4 && !v6) {
        otherCommand(program, name, strict, out);
        continue;
      }
      if (sc.heredoc()) {
        out.info("iptables.other-command", program, "a here-document is input data; opsbook does not check it", "put the rules in their own iptables-save snippet");
        continue;
      }
      boolean mainFamily = v6 == family.equals("ipv6");
      List<Word> args = new ArrayList<>();
      for (Word w : words.subList(1, words.size())) {
        args.add(substitute(w, variables, out));
      }
      int before = out.count();
      String commandFamily = v6 ? "ipv6" : "ipv4";
      Optional<Command> cmd = CommandParser.parse(args, program, out, commandFamily, String.join(" ", words.stream().map(Word::text).toList()));
      boolean ok = cmd.isPresent() && (mainFamily ? assembler : otherFamily).apply(cmd.get(), out);
      if (ok && mainFamily) {
        commands.add(cmd.get());
      }
      outcomes.add(new Outcome(program.line(), ok && !out.hasErrorsSince(before)));
    }
  }

  private static void otherCommand(Word program, String name, boolean strict, Findings out) {
    if (name.equals("iptables-save") || name.equals("iptables-restore") || name.equals("ip6tables-save") || name.equals("ip6tables-restore")) {
      out.info("iptables.other-command", program, name + " reads or writes a rules file; opsbook does not run it", null);
      return;
    }
    if (strict) {
      out.error("iptables.other-command", program, "`" + name + "' is not an iptables command, and this snippet is strict",
          "move other commands to a shell snippet, or drop the strict attribute");
    } else {
      out.info("iptables.other-command", program, "`" + name + "' is not an iptables command; opsbook skips it", null);
    }
  }

  /** Replaces {@code $NAME} by a value assigned earlier in the snippet; other expansions stay unknown. */
  private static Word substitute(Word w, Map<String, String> variables, Findings out) {
    if (!w.variable()) {
      return w;
    }
    Matcher m = VARIABLE.matcher(w.text());
    if (m.matches() && variables.containsKey(m.group(1))) {
      return new Word(variables.get(m.group(1)), w.line(), w.column(), false, true);
    }
    out.info("iptables.shell-variable", w, "`" + w.text() + "' is expanded by the shell; opsbook treats it as an unknown value",
        "assign it earlier in the snippet (NAME=value) to have the value checked");
    return w;
  }

  private static void readSaveFile(Snippet s, RulesetAssembler assembler, Findings out, List<Command> commands, List<Outcome> outcomes) {
    String family = family(s);
    List<String> lines = s.lines();
    String table = null;
    int tableLine = 0;
    boolean tableOk = true;
    for (int i = 0; i < lines.size(); i++) {
      int n = i + 1;
      String raw = lines.get(i);
      // iptables-restore reads lines as they are: "*", ":", "#" and COMMIT count only in column 1
      String l = raw.stripTrailing();
      String stripped = l.strip();
      int indent = raw.indexOf(stripped.isEmpty() ? " " : stripped.substring(0, 1)) + 1;
      if (stripped.isEmpty() || l.startsWith("#")) {
        continue;
      }
      Word first = new Word(stripped.split("\\s+")[0], n, Math.max(1, indent), false, false);
      Matcher tm = TABLE_LINE.matcher(l);
      if (tm.matches()) {
        if (table != null) {
          out.error("iptables.save-format", first, "iptables-restore: COMMIT expected at line " + n, "end the *" + table + " block with COMMIT before starting another table");
          outcomes.add(new Outcome(tableLine, false));
        }
        table = tm.group(1);
        tableLine = n;
        tableOk = true;
        if (!Tables.exists(table)) {
          String lower = table.toLowerCase(java.util.Locale.ROOT);
          out.error("iptables.bad-table", first, "iptables-restore: line " + n + " table name '" + table + "' invalid",
              Tables.exists(lower) ? "table names are lower case: *" + lower : "the tables are filter, nat, mangle, raw and security");
          tableOk = false;
        } else {
          assembler.flushTable(table);
        }
        continue;
      }
      if (l.equals("COMMIT")) {
        if (table == null) {
          out.error("iptables.save-format", first, "iptables-restore: line " + n + " failed: COMMIT outside a table", "start the block with *filter (or another table)");
          outcomes.add(new Outcome(n, false));
        } else {
          outcomes.add(new Outcome(tableLine, tableOk));
        }
        table = null;
        continue;
      }
      if (table == null) {
        out.error("iptables.save-format", first, "iptables-restore: line " + n + " failed: no table given",
            "rules in a save file follow a *table line, such as *filter");
        outcomes.add(new Outcome(n, false));
        continue;
      }
      if (!tableOk) {
        continue;
      }
      Matcher cm = CHAIN_LINE.matcher(l);
      if (l.startsWith(":")) {
        if (!cm.lookingAt()) {
          out.error("iptables.save-format", first, "iptables-restore: line " + n + " failed: a chain line reads :NAME POLICY [PACKETS:BYTES]", null);
          tableOk = false;
          continue;
        }
        String chain = cm.group(1);
        String policy = cm.group(2);
        if (Tables.isBuiltin(table, chain)) {
          if (!policy.equals("-") && !policy.equals("ACCEPT") && !policy.equals("DROP")) {
            Word pw = new Word(policy, n, indent + l.indexOf(policy, chain.length() + 1), false, false);
            out.error("iptables.bad-policy", pw, "iptables-restore: line " + n + " failed: Bad policy name `" + policy + "'",
                "a chain policy can only be ACCEPT or DROP");
            tableOk = false;
            continue;
          }
          if (!policy.equals("-")) {
            assembler.policy(table, chain, policy, n);
          }
        } else {
          assembler.declare(table, chain);
        }
        continue;
      }
      String ruleText = stripped;
      List<Word> words = RestoreLineTokenizer.tokenize(raw, n, out);
      Matcher counters = COUNTERS.matcher(ruleText);
      if (counters.lookingAt() && !words.isEmpty()) {
        words = words.subList(1, words.size());
        ruleText = ruleText.substring(counters.end());
      }
      if (words.isEmpty()) {
        continue;
      }
      Optional<Word> t = words.stream().filter(w -> w.is("-t") || w.is("--table")).findFirst();
      if (t.isPresent()) {
        out.error("iptables.save-format", t.get(), "The -t option cannot be used in iptables-restore.", "the table comes from the *" + table + " line above");
        tableOk = false;
        continue;
      }
      List<Word> withTable = new ArrayList<>();
      withTable.add(new Word("-t", n, 1, false, false));
      withTable.add(new Word(table, n, 1, false, false));
      withTable.addAll(words);
      Optional<Command> cmd = CommandParser.parse(withTable, words.get(0), out, family, ruleText);
      if (cmd.isPresent() && assembler.apply(cmd.get(), out)) {
        commands.add(cmd.get());
      } else {
        tableOk = false;
      }
    }
    if (table != null) {
      out.report("iptables.save-format", org.opsbook.diag.Severity.ERROR, lines.size(), Math.max(1, lines.get(lines.size() - 1).length() + 1),
          "iptables-restore: COMMIT expected at line " + (lines.size() + 1), "end the *" + table + " block with a COMMIT line; without it nothing is loaded");
      outcomes.add(new Outcome(tableLine, false));
    }
  }
}

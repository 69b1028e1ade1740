package org.opsbook.checker.iptables.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsbook.check.Findings;
import org.opsbook.check.Snippet;
import org.opsbook.checker.iptables.IptablesRules;
import org.opsbook.checker.iptables.model.Command;
import org.opsbook.checker.iptables.model.Outcome;
import org.opsbook.checker.iptables.model.Word;

/**
 * Replays a save file as iptables-restore(8) loads it: {@code *table} blocks of chain lines and
 * rules, each loaded only at its {@code COMMIT}. iptables-restore reads lines as they are: a
 * carriage return before the line end stays on the line (so {@code COMMIT\r} is no COMMIT), and
 * {@code *}, {@code :}, {@code #} and COMMIT count only in column 1. One instance per snippet;
 * not thread-safe.
 */
final class SaveFileReader {
  private static final Pattern TABLE_LINE = Pattern.compile("\\*(\\S*)\\s*");
  private static final Pattern CHAIN_LINE = Pattern.compile(":(\\S+)\\s+(\\S+)");
  /** A chain line whose counters end it: sscanf stops reading there, so a CR after them is harmless. */
  private static final Pattern CHAIN_WITH_COUNTERS = Pattern.compile(":\\S+\\s+\\S+\\s+\\[\\d+:\\d+\\]\\s*");
  private static final Pattern COUNTERS = Pattern.compile("\\[\\d+:\\d+\\]\\s");

  private final Snippet snippet;
  private final RulesetAssembler assembler;
  private final Findings out;
  private final List<Command> commands;
  private final List<Outcome> outcomes;
  private final String family;
  private String table;
  private int tableLine;
  private boolean tableOk = true;
  private int firstCarriageReturn;
  private int carriageReturns;

  SaveFileReader(Snippet snippet, RulesetAssembler assembler, Findings out, List<Command> commands, List<Outcome> outcomes) {
    this.snippet = snippet;
    this.assembler = assembler;
    this.out = out;
    this.commands = commands;
    this.outcomes = outcomes;
    this.family = IptablesParser.family(snippet);
  }

  void read() {
    List<String> lines = snippet.lines();
    for (int i = 0; i < lines.size(); i++) {
      line(i + 1, lines.get(i));
    }
    if (table != null) {
      String last = lines.get(lines.size() - 1);
      out.report(IptablesRules.SAVE_FORMAT, lines.size(), Math.max(1, last.length() + 1),
          "iptables-restore: COMMIT expected at line " + (lines.size() + 1), "end the *" + table + " block with a COMMIT line; without it nothing is loaded");
      outcomes.add(Outcome.of(tableLine, false));
    }
    if (firstCarriageReturn > 0) {
      out.report(IptablesRules.CRLF, firstCarriageReturn, Math.max(1, lines.get(firstCarriageReturn - 1).indexOf('\r') + 1),
          "line " + firstCarriageReturn + " ends in a carriage return: the file has Windows (CR LF) line ends, and iptables-restore reads the CR "
              + "as part of the line" + (carriageReturns > 1 ? " (" + carriageReturns + " lines)" : "") + ", so the block is not loaded",
          "convert the file to LF line ends (dos2unix, or the editor's line-end setting)");
    }
  }

  private void line(int n, String raw) {
    boolean carriageReturn = raw.endsWith("\r");
    String l = raw.stripTrailing();
    String stripped = l.strip();
    int indent = raw.indexOf(stripped.isEmpty() ? " " : stripped.substring(0, 1)) + 1;
    if (stripped.isEmpty() && !carriageReturn || l.startsWith("#")) {
      return;
    }
    boolean structural = stripped.isEmpty() || l.startsWith("*") || l.startsWith(":") || l.equals("COMMIT");
    if (carriageReturn && structural && !CHAIN_WITH_COUNTERS.matcher(l).matches()) {
      // "*filter\r" names no table, "COMMIT\r" commits nothing, ":INPUT DROP\r" has no policy
      noteCarriageReturn(n);
      if (stripped.isEmpty()) {
        return;
      }
    }
    Word first = new Word(firstWord(stripped), n, Math.max(1, indent), false, false);
    Matcher tm = TABLE_LINE.matcher(l);
    if (tm.matches()) {
      startTable(n, tm.group(1), first, carriageReturn);
      return;
    }
    if (l.equals("COMMIT")) {
      if (table == null) {
        IptablesRules.reportAt(out, IptablesRules.SAVE_FORMAT, first, "iptables-restore: line " + n + " failed: COMMIT outside a table",
            "start the block with *filter (or another table)");
        outcomes.add(Outcome.of(n, false));
      } else {
        outcomes.add(Outcome.of(tableLine, tableOk));
      }
      table = null;
      return;
    }
    if (table == null) {
      IptablesRules.reportAt(out, IptablesRules.SAVE_FORMAT, first, "iptables-restore: line " + n + " failed: no table given",
          "rules in a save file follow a *table line, such as *filter");
      outcomes.add(Outcome.of(n, false));
      return;
    }
    if (!tableOk) {
      return;
    }
    if (l.startsWith(":")) {
      chainLine(n, l, indent, first);
      return;
    }
    rule(n, raw, stripped, carriageReturn);
  }

  private void noteCarriageReturn(int n) {
    carriageReturns++;
    if (firstCarriageReturn == 0) {
      firstCarriageReturn = n;
    }
    if (table != null) {
      tableOk = false;
    }
  }

  private void startTable(int n, String name, Word first, boolean carriageReturn) {
    if (table != null) {
      IptablesRules.reportAt(out, IptablesRules.SAVE_FORMAT, first, "iptables-restore: COMMIT expected at line " + n,
          "end the *" + table + " block with COMMIT before starting another table");
      outcomes.add(Outcome.of(tableLine, false));
    }
    table = name;
    tableLine = n;
    tableOk = !carriageReturn;
    if (!Tables.exists(table)) {
      String lower = table.toLowerCase(Locale.ROOT);
      IptablesRules.reportAt(out, IptablesRules.BAD_TABLE, first, "iptables-restore: line " + n + " table name '" + table + "' invalid",
          Tables.exists(lower) ? "table names are lower case: *" + lower : "the tables are filter, nat, mangle, raw and security");
      tableOk = false;
    } else {
      assembler.flushTable(table);
    }
  }

  private void chainLine(int n, String l, int indent, Word first) {
    Matcher cm = CHAIN_LINE.matcher(l);
    if (!cm.lookingAt()) {
      IptablesRules.reportAt(out, IptablesRules.SAVE_FORMAT, first,
          "iptables-restore: line " + n + " failed: a chain line reads :NAME POLICY [PACKETS:BYTES]", null);
      tableOk = false;
      return;
    }
    String chain = cm.group(1);
    String policy = cm.group(2);
    if (Tables.isBuiltin(table, chain)) {
      if (!policy.equals("-") && !policy.equals("ACCEPT") && !policy.equals("DROP")) {
        Word pw = new Word(policy, n, indent + l.indexOf(policy, chain.length() + 1), false, false);
        IptablesRules.reportAt(out, IptablesRules.BAD_POLICY, pw, "iptables-restore: line " + n + " failed: Bad policy name `" + policy + "'",
            "a chain policy can only be ACCEPT or DROP");
        tableOk = false;
        return;
      }
      assembler.declareBuiltin(table, chain, policy.equals("-") ? null : policy, n);
    } else {
      assembler.declare(table, chain);
    }
  }

  private void rule(int n, String raw, String stripped, boolean carriageReturn) {
    String ruleText = stripped;
    List<Word> words = RestoreLineTokenizer.tokenize(carriageReturn ? raw.substring(0, raw.length() - 1) : raw, n, out);
    Matcher counters = COUNTERS.matcher(ruleText);
    boolean withCounters = counters.lookingAt() && !words.isEmpty();
    if (withCounters) {
      words = words.subList(1, words.size());
      ruleText = ruleText.substring(counters.end());
    }
    if (words.isEmpty()) {
      return;
    }
    Optional<Word> t = words.stream().filter(w -> w.is("-t") || w.is("--table")).findFirst();
    if (t.isPresent()) {
      IptablesRules.reportAt(out, IptablesRules.SAVE_FORMAT, t.get(), "The -t option cannot be used in iptables-restore.",
          "the table comes from the *" + table + " line above");
      tableOk = false;
      return;
    }
    List<Word> withTable = new ArrayList<>();
    withTable.add(new Word("-t", n, 1, false, false));
    withTable.add(new Word(table, n, 1, false, false));
    withTable.addAll(words);
    if (carriageReturn) {
      // checked as meant, and loaded as iptables-restore receives it, CR on the last word
      CommandParser.parse(withTable, words.get(0), out, family, ruleText);
      List<Word> received = new ArrayList<>(RestoreLineTokenizer.tokenize(raw, n, new Findings(snippet)));
      if (withCounters && !received.isEmpty()) {
        received.remove(0);
      }
      received.addAll(0, withTable.subList(0, 2));
      Findings asReceived = new Findings(snippet);
      Optional<Command> cmd = CommandParser.parse(received, words.get(0), asReceived, family, ruleText);
      if (cmd.isPresent() && assembler.apply(cmd.get(), asReceived) && !asReceived.hasErrors()) {
        commands.add(cmd.get());
      } else {
        noteCarriageReturn(n);
      }
      return;
    }
    Optional<Command> cmd = CommandParser.parse(withTable, words.get(0), out, family, ruleText);
    if (cmd.isPresent() && assembler.apply(cmd.get(), out)) {
      commands.add(cmd.get());
    } else {
      tableOk = false;
    }
  }

  /** As {@code line.split("\\s+")[0]}: what comes before the first white space, or all of it. */
  static String firstWord(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
        return line.substring(0, i);
      }
    }
    return line;
  }
}

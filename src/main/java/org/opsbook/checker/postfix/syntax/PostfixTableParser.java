package org.opsbook.checker.postfix.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.opsbook.check.Findings;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.postfix.engine.Compilation;
import org.opsbook.checker.postfix.engine.CompiledPattern;
import org.opsbook.checker.postfix.engine.Engines;
import org.opsbook.checker.postfix.engine.PatternEngine;
import org.opsbook.checker.postfix.engine.PatternUse;
import org.opsbook.checker.postfix.engine.RegexCompiler;
import org.opsbook.checker.postfix.engine.RegexProblem;
import org.opsbook.checker.postfix.model.EndifRule;
import org.opsbook.checker.postfix.model.IfRule;
import org.opsbook.checker.postfix.model.MatchRule;
import org.opsbook.checker.postfix.model.RegexSpec;
import org.opsbook.checker.postfix.model.Replacement;
import org.opsbook.checker.postfix.model.SourceMap;
import org.opsbook.checker.postfix.model.Table;
import org.opsbook.checker.postfix.model.TableKind;
import org.opsbook.checker.postfix.model.TableRule;
import org.opsbook.checker.postfix.model.TableUse;
import org.opsbook.checker.postfix.model.UnsupportedRule;
import org.opsbook.checker.postfix.rules.PostfixRules;

/**
 * Reads a Postfix {@code pcre:} or {@code regexp:} table the way dict_pcre_open() and
 * dict_regexp_open() do, keeping the rules Postfix keeps and reporting, at the exact line and
 * column, every rule Postfix would warn about or skip. Each pattern is compiled by the engine that
 * will match it, to learn what the library says about it, and freed at once. Stateless and
 * thread-safe.
 */
public final class PostfixTableParser {
  private PostfixTableParser() {}

  /**
   * Reads a table.
   *
   * @param lines the table's lines, without line ends
   * @param firstLine the line of the edited file that holds {@code lines.get(0)}
   * @param findings where problems go, at snippet lines and columns (line 1 is {@code lines.get(0)})
   */
  public static Table parse(List<String> lines, int firstLine, TableKind kind, TableUse use, Engines engines,
      Findings findings) {
    List<LogicalLine> logical = LogicalLineReader.read(lines, findings);
    List<TableRule> rules = new ArrayList<>();
    Deque<Integer> openIfs = new ArrayDeque<>();
    for (LogicalLine line : logical) {
      TableRule rule = new RuleReader(line, kind, engines, findings, openIfs.size()).read();
      if (rule == null) {
        continue;
      }
      if (rule instanceof IfRule || rule instanceof UnsupportedRule u && u.opensIf()) {
        openIfs.push(rules.size());
      } else if (rule instanceof EndifRule) {
        int ifIndex = openIfs.pop();
        TableRule open = rules.get(ifIndex);
        rules.set(ifIndex, open instanceof IfRule f
            ? new IfRule(f.line(), f.pattern(), rules.size())
            : withEndif((UnsupportedRule) open, rules.size()));
      }
      rules.add(rule);
    }
    for (int ifIndex : openIfs) {
      TableRule open = rules.get(ifIndex);
      findings.report(PostfixRules.UNBALANCED_IF, open.line(), 1,
          "this if has no matching endif: Postfix warns, and whenever the condition fails the lookup"
              + " stops here and finds nothing, so every rule below is skipped",
          "add an endif line after the rules this if guards");
    }
    return new Table(kind, use, rules, firstLine);
  }

  private static UnsupportedRule withEndif(UnsupportedRule u, int endif) {
    return new UnsupportedRule(u.line(), u.column(), u.why(), true, endif);
  }

  /** Reads one logical line into a rule; null when Postfix would skip it. */
  private static final class RuleReader {
    private final LogicalLine line;
    private final String text;
    private final TableKind kind;
    private final Engines engines;
    private final Findings findings;
    private final int nesting;
    private int pos;
    /** Whether the last failed compilation was the library's refusal (not the translator's limit). */
    private boolean lastProblemRejected;

    RuleReader(LogicalLine line, TableKind kind, Engines engines, Findings findings, int nesting) {
      this.line = line;
      this.text = line.text();
      this.kind = kind;
      this.engines = engines;
      this.findings = findings;
      this.nesting = nesting;
    }

    /** What compiling a pattern told: its group count and the groups whose $n is unreliable. */
    private record Compiled(int groups, Set<Integer> unreliableGroups) {}

    TableRule read() {
      char c = text.charAt(0);
      if (!isAsciiAlnum(c)) {
        return matchRule();
      }
      if (keyword("if")) {
        return ifRule();
      }
      if (keyword("endif")) {
        return endifRule();
      }
      report(PostfixRules.UNRECOGNIZED_LINE, 0,
          "Postfix ignores this line (\"ignoring unrecognized request\"): a rule starts with a pattern"
              + " delimiter such as /, or is if or endif",
          "start the rule with /pattern/, or indent it if it continues the line above");
      return null;
    }

    private boolean keyword(String word) {
      // dict_pcre/dict_regexp: strncasecmp(p, "IF", 2) == 0 && !ISALNUM(p[2])
      int n = word.length();
      return text.length() >= n
          && text.substring(0, n).equalsIgnoreCase(word)
          && (text.length() == n || !isAsciiAlnum(text.charAt(n)));
    }

    private TableRule matchRule() {
      RegexSpec first = pattern();
      if (first == null) {
        return null;
      }
      RegexSpec second = null;
      if (kind == TableKind.REGEXP && pos < text.length() && text.charAt(pos) == '!') {
        second = pattern();
        if (second == null) {
          return null;
        }
      }
      skipSpace();
      int resultStart = pos;
      String result = text.substring(pos);
      if (result.isEmpty()) {
        report(PostfixRules.MISSING_RESULT, text.length(),
            "this rule has no result: Postfix warns and uses an empty string, which lookups refuse",
            "write the result (for header_checks, an action such as REJECT or IGNORE) after the pattern");
      }
      ReplacementParser.Result rep = ReplacementParser.parse(result);
      if (!rep.ok()) {
        report(PostfixRules.BAD_REPLACEMENT, resultStart + rep.errorOffset(),
            rep.error() + ": Postfix reports bad replacement syntax and skips this rule", null);
        return null;
      }
      int maxGroup = rep.replacement().maxGroup();
      if (maxGroup > 0 && first.negated()) {
        report(PostfixRules.NEGATED_SUBSTITUTION, resultStart + groupOffset(result),
            "$" + maxGroup + " in the result of a negated pattern: a pattern that must not match has no"
                + " groups, so Postfix skips this rule",
            "drop the ! or the $n reference");
        return null;
      }
      Compiled regex = compile(first, PatternUse.match(maxGroup));
      if (regex == null) {
        return unsupported(first, false);
      }
      if (maxGroup > regex.groups()) {
        report(PostfixRules.GROUP_OUT_OF_RANGE, resultStart + groupOffset(result, maxGroup),
            "$" + maxGroup + " refers to a group the pattern does not have (it has " + regex.groups()
                + "): Postfix skips this rule (\"out of range replacement index\")",
            "count the ( ... ) groups of the pattern, or write $$ for a literal dollar sign");
        return null;
      }
      for (Replacement.Part part : rep.replacement().parts()) {
        if (part instanceof Replacement.Group g && regex.unreliableGroups().contains(g.number())) {
          int at = resultStart + groupOffset(result, g.number());
          report(PostfixRules.UNSUPPORTED_CONSTRUCT, at,
              "$" + g.number() + " takes the text of a group that is repeated (or inside a repeated group);"
                  + " glibc's regexec() decides which iteration it keeps in a way this model cannot"
                  + " reproduce, so the build cannot prove the result",
              "capture the repeated part as a whole, e.g. ((ab)*) and use the outer group, or use a pcre: table");
          return new UnsupportedRule(line.line(), line.map().column(at), "the $n of a repeated group", false, -1);
        }
      }
      if (second != null && compile(second, PatternUse.second()) == null) {
        return unsupported(second, false);
      }
      SourceMap resultMap = line.map().slice(resultStart, result.length());
      Replacement replacement = rep.replacement();
      return new MatchRule(line.line(), first, second, result, resultMap, replacement);
    }

    private TableRule ifRule() {
      pos = 2;
      skipSpace();
      RegexSpec spec = pattern();
      if (spec == null) {
        return null;
      }
      skipSpace();
      if (pos < text.length()) {
        report(PostfixRules.EXTRA_TEXT, pos,
            "Postfix ignores the text after an if condition: \"" + text.substring(pos) + "\"",
            "put the rule on its own line, not indented: an indented line continues the if line");
      }
      if (compile(spec, PatternUse.condition()) == null) {
        return unsupported(spec, true);
      }
      return new IfRule(line.line(), spec, -1);
    }

    private TableRule endifRule() {
      pos = 5;
      if (nesting == 0) {
        report(PostfixRules.UNBALANCED_IF, 0,
            "endif without a matching if: Postfix ignores it", "remove this endif or add the if it closes");
        return null;
      }
      skipSpace();
      if (pos < text.length()) {
        report(PostfixRules.EXTRA_TEXT, pos, "Postfix ignores the text after endif", "put it on its own line");
      }
      return new EndifRule(line.line());
    }

    /** dict_pcre_get_pattern / dict_regexp_get_pat: negations, delimiters, flags. */
    private RegexSpec pattern() {
      boolean negated = false;
      while (pos < text.length() && (text.charAt(pos) == '!' || LogicalLineReader.isSpace(text.charAt(pos)))) {
        if (text.charAt(pos) == '!') {
          negated = !negated;
        }
        pos++;
      }
      if (pos >= text.length()) {
        report(PostfixRules.MISSING_PATTERN, pos, "no pattern here: Postfix skips this rule", null);
        return null;
      }
      char delimiter = text.charAt(pos);
      int open = pos;
      pos++;
      int bodyStart = pos;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '\\') {
          if (pos + 1 >= text.length()) {
            break;
          }
          pos += 2;
          continue;
        }
        if (c == delimiter) {
          break;
        }
        pos++;
      }
      if (pos >= text.length()) {
        report(PostfixRules.MISSING_DELIMITER, open,
            "the pattern opened with " + delimiter + " has no closing " + delimiter
                + ": Postfix skips this rule",
            "end the pattern with " + delimiter + ", or escape a " + delimiter + " inside it as \\" + delimiter);
        return null;
      }
      String body = text.substring(bodyStart, pos);
      SourceMap map = line.map().slice(bodyStart, body.length());
      pos++;
      int flagsStart = pos;
      String allowed = kind == TableKind.PCRE ? "imsxAEUX" : "imx";
      while (pos < text.length() && !LogicalLineReader.isSpace(text.charAt(pos))
          && !(kind == TableKind.REGEXP && text.charAt(pos) == '!')) {
        char f = text.charAt(pos);
        if (allowed.indexOf(f) < 0) {
          report(PostfixRules.UNKNOWN_FLAG, pos,
              "unknown " + kind.mapType() + " flag \"" + f + "\": Postfix skips this rule",
              kind == TableKind.PCRE
                  ? "pcre_table(5) flags are i m s x A E U; put a space between the pattern and the result"
                  : "regexp_table(5) flags are i m x; put a space between the pattern and the result");
          return null;
        }
        if (f == 'X') {
          report(PostfixRules.OBSOLETE_FLAG, pos,
              "the X flag is obsolete with PCRE2: Postfix warns and ignores it", "remove the X");
        }
        pos++;
      }
      return new RegexSpec(body, delimiter, negated, text.substring(flagsStart, pos), map);
    }

    /**
     * After {@link #compile} failed: null when the library rejects the pattern (Postfix skips the
     * rule), an UnsupportedRule when the pattern is valid but beyond the engine that answers.
     */
    private TableRule unsupported(RegexSpec spec, boolean opensIf) {
      if (lastProblemRejected) {
        return null;
      }
      return new UnsupportedRule(line.line(), spec.column(), "a construct this model cannot reproduce", opensIf, -1);
    }

    /** Compiles a pattern as the engine that will match it does, reports what it says, frees it. */
    private Compiled compile(RegexSpec spec, PatternUse use) {
      PatternEngine engine = engines.forPattern(spec);
      Compilation outcome = engine.compile(spec, use);
      if (outcome instanceof Compilation.Refused refused) {
        RegexProblem p = refused.problem();
        lastProblemRejected = p.rejected();
        int offset = Math.min(p.offset(), spec.body().length());
        if (p.rejected()) {
          findings.report(PostfixRules.BAD_REGEX, spec.map().line(offset), spec.map().column(offset),
              (kind == TableKind.PCRE ? "PCRE2" : "regcomp()") + " rejects this pattern: " + p.message()
                  + "; Postfix skips the rule, and the other rules still answer",
              null);
        } else {
          String why = engines.whyTranslated(spec).map(w -> w + "; ").orElse("");
          findings.report(PostfixRules.UNSUPPORTED_CONSTRUCT, spec.map().line(offset), spec.map().column(offset),
              why + p.message() + "; the build cannot prove what Postfix does with this rule",
              "rewrite the pattern with common constructs, or mark the snippet check=off");
        }
        return null;
      }
      Compilation.Compiled ok = (Compilation.Compiled) outcome;
      for (RegexProblem note : RegexCompiler.notes(spec, kind)) {
        int offset = Math.min(note.offset(), spec.body().length());
        findings.report(PostfixRules.NEVER_MATCHING, spec.map().line(offset), spec.map().column(offset),
            note.message(), "remove the backslash, or turn case-insensitive matching off with the i flag");
      }
      try (CompiledPattern pattern = ok.pattern()) {
        return new Compiled(pattern.groups(), pattern.unreliableGroups());
      }
    }

    private static int groupOffset(String result) {
      int i = result.indexOf('$');
      while (i >= 0 && i + 1 < result.length() && result.charAt(i + 1) == '$') {
        i = result.indexOf('$', i + 2);
      }
      return Math.max(0, i);
    }

    private static int groupOffset(String result, int group) {
      String n = String.valueOf(group);
      for (String form : new String[] {"$" + n, "${" + n + "}", "$(" + n + ")"}) {
        int i = result.indexOf(form);
        if (i >= 0) {
          return i;
        }
      }
      return groupOffset(result);
    }

    private void skipSpace() {
      while (pos < text.length() && LogicalLineReader.isSpace(text.charAt(pos))) {
        pos++;
      }
    }

    /** Reports a finding at a character of this logical line; its severity is the rule's. */
    private void report(RuleInfo rule, int offset, String message, String hint) {
      findings.report(rule, line.map().line(offset), line.map().column(offset), message, hint);
    }

    private static boolean isAsciiAlnum(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
  }
}

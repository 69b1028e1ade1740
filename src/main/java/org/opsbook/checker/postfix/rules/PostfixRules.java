package org.opsbook.checker.postfix.rules;

import java.util.List;
import org.opsbook.check.RuleInfo;
import org.opsbook.diag.Severity;

/** Every rule the Postfix checker reports, with its explanation. An immutable catalogue. */
public final class PostfixRules {
  private PostfixRules() {}

  private static final String TABLES = "Source: pcre_table(5), regexp_table(5) and the table readers"
      + " dict_pcre.c and dict_regexp.c of Postfix 3.7.";

  public static final RuleInfo BAD_REGEX =
      RuleInfo.of("postfix.bad-regex", Severity.ERROR,
          "The regex library rejects the pattern, so Postfix skips the rule",
          "Postfix compiles each pattern when it opens the table. When PCRE2 (for `pcre:`) or the C"
              + " library's `regcomp()` (for `regexp:`) rejects it, Postfix logs a warning such as"
              + " `error in regex at offset 14: missing closing parenthesis` and **drops the rule**:"
              + " mail flows as if the line were not there.\n\n"
              + "Fix the pattern at the reported column: close the group, escape a literal `(` as"
              + " `\\(`, or balance the brackets. " + TABLES);

  public static final RuleInfo UNSUPPORTED_CONSTRUCT =
      RuleInfo.of("postfix.unsupported-construct", Severity.ERROR,
          "The pattern uses a construct the build cannot reproduce faithfully",
          "opsbook matches patterns with the libraries Postfix calls: libpcre2-8 for `pcre:` and"
              + " glibc's `regcomp()`/`regexec()` for `regexp:`. Where they cannot be loaded (macOS,"
              + " musl) or `postfix.engine: translator` is set, a translator to Java's regex engine"
              + " answers, and a few constructs have no faithful Java counterpart there (recursion,"
              + " conditionals, backtracking verbs, branch reset, `$n` of a repeated POSIX group)."
              + " glibc itself is never run on a `regexp:` pattern that could crash or exhaust the"
              + " build (back-references, very deep nesting, huge counted repeats), so the translator"
              + " answers for those too. Rather than guess, the build refuses the rule: a lookup"
              + " that reaches it has no answer. Install libpcre2-8 (Debian: `libpcre2-8-0`), rewrite"
              + " the rule with common constructs, or mark the snippet `check=off`.");

  public static final RuleInfo UNKNOWN_FLAG =
      RuleInfo.of("postfix.unknown-flag", Severity.ERROR,
          "A flag letter Postfix does not know; the rule is skipped",
          "Flags follow the closing delimiter without a space. `pcre:` knows `i m s x A E U`"
              + " (and the obsolete `X`), `regexp:` knows `i m x`. Any other letter makes Postfix"
              + " warn `unknown regexp option` and skip the rule. A common cause is a missing space"
              + " between the pattern and the result. " + TABLES);

  public static final RuleInfo OBSOLETE_FLAG =
      RuleInfo.of("postfix.obsolete-flag", Severity.WARNING,
          "The X flag is ignored with PCRE2",
          "Postfix built against PCRE2 (Debian 12 and later) warns `ignoring obsolete regexp option"
              + " \"X\"`. Remove it. " + TABLES);

  public static final RuleInfo MISSING_DELIMITER =
      RuleInfo.of("postfix.missing-delimiter", Severity.ERROR,
          "The pattern has no closing delimiter; the rule is skipped",
          "A pattern runs from its first character (the delimiter) to the next unescaped copy of"
              + " that character. Without one Postfix warns `no closing regexp delimiter` and skips"
              + " the rule. Escape a delimiter inside the pattern as `\\/`. " + TABLES);

  public static final RuleInfo MISSING_PATTERN =
      RuleInfo.of("postfix.missing-pattern", Severity.ERROR,
          "A line holds only ! and no pattern; the rule is skipped",
          "Postfix warns `no regexp: skipping this rule`. " + TABLES);

  public static final RuleInfo MISSING_RESULT =
      RuleInfo.of("postfix.missing-result", Severity.ERROR,
          "A rule without a result",
          "Postfix warns `no replacement text: using empty string`, and a lookup that hits the"
              + " rule then fails with `empty string result is not allowed`. Write the result (for"
              + " header_checks, the action) after the pattern. " + TABLES);

  public static final RuleInfo BAD_REPLACEMENT =
      RuleInfo.of("postfix.bad-replacement", Severity.ERROR,
          "Result text with a malformed $ reference; the rule is skipped",
          "In the result, `$` starts a reference: `$1`, `${1}` or `$(1)`. A lone `$`, `$name`, `$0`,"
              + " `$1a` (read as the name `1a`) or an unclosed `${` make Postfix warn `bad replacement"
              + " syntax` and skip the whole rule. Write `$$` for a literal dollar sign and `${1}a`"
              + " when a digit or letter follows. Source: mac_parse.c and the prescan in"
              + " dict_pcre.c/dict_regexp.c.");

  public static final RuleInfo GROUP_OUT_OF_RANGE =
      RuleInfo.of("postfix.group-out-of-range", Severity.ERROR,
          "$n refers to a group the pattern does not have; the rule is skipped",
          "Postfix counts the capture groups when it compiles the pattern and skips a rule whose"
              + " result names a higher group (`out of range replacement index`). Count the `( )`"
              + " pairs, remember that `(?:...)` does not capture, or write `$$` for a dollar sign."
              + " " + TABLES);

  public static final RuleInfo NEGATED_SUBSTITUTION =
      RuleInfo.of("postfix.negated-substitution", Severity.ERROR,
          "$n in the result of a !/pattern/ rule; the rule is skipped",
          "A negated pattern matches when the expression does not, so there are no groups to"
              + " substitute. Postfix skips such a rule. " + TABLES);

  public static final RuleInfo UNBALANCED_IF =
      RuleInfo.of("postfix.unbalanced-if", Severity.ERROR,
          "if without endif, or endif without if",
          "`if /pattern/` guards the rules up to its `endif`. An `endif` with no open `if` is"
              + " ignored. An `if` with no `endif` is worse: when its condition fails the whole"
              + " lookup stops and finds nothing, so every rule below it is dead for that input."
              + " " + TABLES).needingWholeFile();

  public static final RuleInfo EXTRA_TEXT =
      RuleInfo.of("postfix.extra-text", Severity.WARNING,
          "Text after if or endif is ignored",
          "`if /pattern/` and `endif` stand alone on their line. A rule indented under an `if`"
              + " is a continuation line and becomes ignored text after the condition; the man"
              + " pages say: do not prepend whitespace to patterns inside if..endif. " + TABLES);

  public static final RuleInfo UNRECOGNIZED_LINE =
      RuleInfo.of("postfix.unrecognized-line", Severity.ERROR,
          "A line that is neither a rule, if nor endif; Postfix ignores it",
          "A rule starts with its pattern delimiter (a non-alphanumeric character). A line that"
              + " starts with a letter and is not `if`/`endif` is dropped with `ignoring"
              + " unrecognized request`. " + TABLES);

  public static final RuleInfo LEADING_WHITESPACE =
      RuleInfo.of("postfix.leading-whitespace", Severity.ERROR,
          "An indented line that continues nothing; Postfix ignores it",
          "A line that starts with whitespace continues the line above. At the top of the table"
              + " (after only comments) there is nothing to continue, and Postfix warns `logical"
              + " line must not start with whitespace`. Source: readlline.c.");

  public static final RuleInfo UNKNOWN_ACTION =
      RuleInfo.of("postfix.unknown-action", Severity.ERROR,
          "The result is not a header_checks action",
          "cleanup(8) reads the result of a header_checks or body_checks rule as an action word"
              + " (REJECT, WARN, IGNORE, REPLACE, ...; case does not matter) followed by text. An"
              + " unknown word is logged as an unknown command and the line passes unchanged."
              + " Source: header_checks(5), ACTIONS.");

  public static final RuleInfo ACTION_ARGUMENT =
      RuleInfo.of("postfix.action-argument", Severity.ERROR,
          "An action whose argument is missing or malformed",
          "REPLACE and PREPEND in header checks need text that starts with a header label"
              + " (`Name:`), FILTER needs `transport:destination`, REDIRECT and BCC need"
              + " `user@domain`. Without that, cleanup(8) logs a warning and does not act."
              + " Source: header_checks(5), ACTIONS.");

  public static final RuleInfo ACTION_TEXT =
      RuleInfo.of("postfix.action-text", Severity.WARNING,
          "Text that an action ignores, or a reply that is too long",
          "DUNNO, OK and IGNORE take no text; whatever follows them is ignored. A REJECT text"
              + " longer than an SMTP reply line (RFC 5321: 512 octets with the code) is cut or"
              + " refused by the client. Source: header_checks(5).");

  public static final RuleInfo NEVER_MATCHING =
      RuleInfo.of("postfix.never-matching", Severity.WARNING,
          "A pattern that can never match the input",
          "Some patterns are valid but can never match: an anchor `$` followed by more text"
              + " (without the m flag), a header pattern anchored on whitespace, or, in a `regexp:`"
              + " table with case-insensitive matching, an escaped lower-case letter such as `\\d`"
              + " (glibc's `regcomp()` gives it no meaning and, under REG_ICASE, it matches"
              + " nothing). Postfix accepts the rule and it silently never fires.");

  public static final RuleInfo SHADOWED_RULE =
      RuleInfo.of("postfix.shadowed-rule", Severity.WARNING,
          "A rule that an earlier rule always pre-empts",
          "Postfix uses the first rule that matches. When every input this rule matches is"
              + " already matched by an earlier rule (same anchored prefix, a duplicate, or a"
              + " match-everything pattern), this rule never decides anything. Move it up or"
              + " delete it. " + TABLES);

  public static final RuleInfo IGNORE_NEEDED_HEADER =
      RuleInfo.of("postfix.ignore-needed-header", Severity.WARNING,
          "IGNORE or STRIP of a header mail clients need",
          "Deleting From:, Date:, MIME-Version:, Content-Type: or Content-Transfer-Encoding: in"
              + " header_checks leaves messages that clients show without a sender or date, or"
              + " as raw MIME. Anonymise with REPLACE instead. Source: header_checks(5), RFC 5322"
              + " section 3.6, RFC 2045.");

  public static final RuleInfo BACKTRACKING_LIMIT =
      RuleInfo.of("postfix.backtracking-limit", Severity.ERROR,
          "Matching the pattern took too many steps",
          "A pattern with nested repetition, such as `(a+)+$`, can take exponential time on"
              + " input that almost matches. PCRE2 gives up at its match limit; Postfix then logs"
              + " `match limit exceeded` and reads the rule as not matching, so the lookup goes on"
              + " with the next rule, and `opsbook query` does the same. Where opsbook stops first (the"
              + " translator's step budget, or a backtracking memory bound lower than Postfix's),"
              + " the outcome is unknown and the lookup has no answer. Rewrite the pattern without"
              + " nested quantifiers, or with possessive `++` / atomic `(?>...)` groups.");

  public static final RuleInfo NON_UTF8_RESULT =
      RuleInfo.of("postfix.non-utf8-result", Severity.ERROR,
          "A lookup produced a result that is not valid UTF-8",
          "Both regex libraries work on bytes, so `.` or `(.)` can cut a multi-byte UTF-8 character"
              + " in half. With `smtputf8_enable = yes` (the default since compatibility level 1)"
              + " Postfix refuses such a result: postmap stops with `query error`, cleanup defers"
              + " the message. Capture whole characters (`(.*)`), or avoid `$n` across non-ASCII"
              + " text. Source: dict_utf8.c.");

  public static final RuleInfo ENGINE =
      RuleInfo.of("postfix.engine", Severity.INFO,
          "Which regex engine answered a lookup",
          "`opsbook query` names the engine behind every answer, as test failures do: PCRE2 or"
              + " glibc when the library Postfix calls was loaded, the translator to Java's regex"
              + " engine otherwise. The checker option `postfix.engine` chooses: `auto` (the native"
              + " library where it is installed, else the translator), `native` (an error where it is"
              + " not) or `translator`.");

  public static final RuleInfo ENGINE_UNAVAILABLE =
      RuleInfo.of("postfix.engine-unavailable", Severity.ERROR,
          "postfix.engine is native, but the regex library cannot be loaded",
          "With `postfix.engine: native` in opsbook.yaml a table is only checked with the library"
              + " Postfix calls: libpcre2-8 for `pcre:` tables, the GNU C library's `regcomp()` for"
              + " `regexp:` tables. Install it (Debian and Ubuntu: `libpcre2-8-0`, part of the base"
              + " system), or set `postfix.engine: auto` to let the translator answer where it is"
              + " missing.");

  /** Every rule, in the order the README lists them. */
  public static final List<RuleInfo> ALL = List.of(
      BAD_REGEX, UNSUPPORTED_CONSTRUCT, UNKNOWN_FLAG, OBSOLETE_FLAG, MISSING_DELIMITER, MISSING_PATTERN,
      MISSING_RESULT, BAD_REPLACEMENT, GROUP_OUT_OF_RANGE, NEGATED_SUBSTITUTION, UNBALANCED_IF, EXTRA_TEXT,
      UNRECOGNIZED_LINE, LEADING_WHITESPACE, UNKNOWN_ACTION, ACTION_ARGUMENT, ACTION_TEXT, NEVER_MATCHING,
      SHADOWED_RULE, IGNORE_NEEDED_HEADER, BACKTRACKING_LIMIT, NON_UTF8_RESULT, ENGINE, ENGINE_UNAVAILABLE);

  /** The rules of the table reader: what Postfix itself warns about while it opens the table. */
  public static final List<RuleInfo> READER = List.of(
      BAD_REGEX, UNSUPPORTED_CONSTRUCT, UNKNOWN_FLAG, OBSOLETE_FLAG, MISSING_DELIMITER, MISSING_PATTERN,
      MISSING_RESULT, BAD_REPLACEMENT, GROUP_OUT_OF_RANGE, NEGATED_SUBSTITUTION, UNBALANCED_IF, EXTRA_TEXT,
      UNRECOGNIZED_LINE, LEADING_WHITESPACE, NEVER_MATCHING, ENGINE_UNAVAILABLE);
}

package org.opsbook.checker.postfix.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opsbook.check.Findings;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.postfix.model.MatchRule;
import org.opsbook.checker.postfix.model.SourceMap;
import org.opsbook.checker.postfix.model.Table;
import org.opsbook.checker.postfix.model.TableRule;
import org.opsbook.checker.postfix.model.TableUse;

/**
 * postfix.unknown-action, postfix.action-argument, postfix.action-text: the result of a
 * header_checks or body_checks rule read as header_checks(5) describes it.
 */
public final class ActionGrammarLint implements Rule<Table> {
  /** A header label: printable ASCII except the colon, optional blanks, then a colon (is_header()). */
  private static final Pattern HEADER_LABEL = Pattern.compile("[\\x21-\\x39\\x3b-\\x7e]+[ \\t]*:.*", Pattern.DOTALL);
  private static final Pattern FILTER_ARG = Pattern.compile("[^:\\s]+:\\S*");
  /** RFC 5321 4.5.3.1.5: a reply line is at most 512 octets including code and CRLF. */
  private static final int MAX_REPLY_TEXT = 505;

  @Override
  public RuleInfo info() {
    return PostfixRules.UNKNOWN_ACTION;
  }

  @Override
  public List<RuleInfo> reports() {
    return List.of(PostfixRules.UNKNOWN_ACTION, PostfixRules.ACTION_ARGUMENT, PostfixRules.ACTION_TEXT);
  }

  @Override
  public void check(Table table, Findings out) {
    if (!table.use().hasActions()) {
      return;
    }
    for (TableRule rule : table.rules()) {
      if (rule instanceof MatchRule m && !m.result().isEmpty()) {
        checkAction(m, table.use(), out);
      }
    }
  }

  private static void checkAction(MatchRule m, TableUse use, Findings out) {
    String word = ActionWords.word(m.result());
    if (word.contains("$")) {
      return; // decided per message; nothing to prove statically
    }
    String upper = word.toUpperCase(Locale.ROOT);
    String text = ActionWords.text(m.result());
    SourceMap at = m.resultMap();
    int textOffset = m.result().length() - text.length();
    if (!ActionWords.ALL.contains(upper)) {
      out.report(PostfixRules.UNKNOWN_ACTION, at.line(0), at.column(0),
          "\"" + word + "\" is not a header_checks action: cleanup(8) logs an unknown command and lets the line"
              + " through unchanged",
          "use one of BCC DISCARD DUNNO FILTER HOLD IGNORE INFO PASS PREPEND REDIRECT REPLACE REJECT STRIP WARN");
      return;
    }
    boolean dynamic = text.contains("$");
    switch (upper) {
      case "REPLACE", "PREPEND" -> {
        if (text.isEmpty()) {
          argument(out, at, textOffset, upper + " needs the text of the line to write");
        } else if (use == TableUse.HEADER && !text.startsWith("$") && !HEADER_LABEL.matcher(text).matches()) {
          argument(out, at, textOffset, upper + " text must start with a header label such as \"X-Name:\";"
              + " cleanup(8) refuses \"" + shorten(text) + "\"");
        }
      }
      case "FILTER" -> {
        if (!dynamic && !FILTER_ARG.matcher(text).matches()) {
          argument(out, at, textOffset, "FILTER needs transport:destination (a master.cf service name, a"
              + " colon and an optional next hop), not \"" + shorten(text) + "\"");
        }
      }
      case "REDIRECT", "BCC" -> {
        if (text.isEmpty() || (!dynamic && (!text.contains("@") || text.startsWith("@") || text.endsWith("@")
            || text.contains(" ")))) {
          argument(out, at, textOffset, upper + " needs one address of the form user@domain");
        }
      }
      case "DUNNO", "OK", "IGNORE" -> {
        if (!text.isEmpty()) {
          out.report(PostfixRules.ACTION_TEXT, at.line(textOffset), at.column(textOffset),
              upper + " takes no text; \"" + shorten(text) + "\" is ignored",
              upper.equals("IGNORE") ? "use STRIP to delete the line and log a text" : "remove the text");
        }
      }
      case "REJECT" -> {
        if (text.length() > MAX_REPLY_TEXT) {
          out.report(PostfixRules.ACTION_TEXT, at.line(textOffset), at.column(textOffset),
              "the REJECT text is " + text.length() + " characters, longer than one SMTP reply line allows",
              "shorten the text to a sentence");
        }
      }
      default -> {
        // DISCARD HOLD INFO PASS STRIP WARN: optional free text
      }
    }
  }

  private static void argument(Findings out, SourceMap at, int offset, String message) {
    out.report(PostfixRules.ACTION_ARGUMENT, at.line(offset), at.column(offset), message, null);
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}

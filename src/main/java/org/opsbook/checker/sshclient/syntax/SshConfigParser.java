package org.opsbook.checker.sshclient.syntax;

import org.opsbook.check.Findings;
import org.opsbook.checker.sshclient.rules.SshClientRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsbook.checker.sshclient.model.Directive;
import org.opsbook.checker.sshclient.model.MatchCriterion;
import org.opsbook.checker.sshclient.model.SshConfig;

/**
 * Parses ssh_config text into directives. Lexical problems that make ssh refuse the file (a
 * keyword with no argument, an unterminated quote, a malformed Match line) come back as findings;
 * the meaning of each keyword is checked later against the catalogue. Stateless and thread-safe.
 */
public final class SshConfigParser {
  private SshConfigParser() {}

  /** The directives of a text, reporting lexical problems to {@code findings}. */
  public static SshConfig parse(String text, Findings findings) {
    List<Directive> directives = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      ConfigLineLexer.Lexed lexed = ConfigLineLexer.lex(lines[i]);
      if (lexed.keyword() == null) {
        continue;
      }
      String name = lexed.keyword().toLowerCase(Locale.ROOT);
      if (lexed.missingArgument()) {
        findings.report(SshClientRules.MISSING_ARGUMENT, lineNo, lexed.keywordColumn(),
                "no argument after keyword \"" + lexed.keyword() + "\"; ssh refuses the file",
                "give " + lexed.keyword() + " a value, or delete the line");
      } else if (lexed.badQuotes()) {
        findings.report(SshClientRules.INVALID_QUOTES, lineNo, lexed.restColumn(),
                "unterminated quote; ssh reports \"invalid quotes\" and refuses the file",
                "close the quote, or escape a literal quote with a backslash");
      }
      List<MatchCriterion> criteria = List.of();
      if (name.equals("match") && !lexed.missingArgument()) {
        criteria = MatchLineParser.parse(lexed.rest(), lexed.restColumn(), lineNo, findings);
      }
      directives.add(
          new Directive(lineNo, lexed.keywordColumn(), lexed.keyword(), name, lexed.arguments(),
              lexed.rest(), lexed.restColumn(), criteria,
              !lexed.missingArgument() && !lexed.badQuotes()));
    }
    return new SshConfig(directives);
  }
}

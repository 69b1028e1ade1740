package org.opsbook.checker.iptables.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.Findings;
import org.opsbook.checker.iptables.IptablesRules;
import org.opsbook.checker.iptables.model.Word;

/**
 * Splits one rule line of a save file into words the way iptables-restore does (xtables'
 * add_param_to_argv), which is not the shell: only double quotes group words, a backslash escapes
 * only inside them, a closing quote ends the word ({@code "a"b} is two words), and {@code '},
 * {@code #} and {@code \} elsewhere are ordinary characters. An unterminated double quote runs
 * to the end of the line.
 */
final class RestoreLineTokenizer {
  private RestoreLineTokenizer() {}

  static List<Word> tokenize(String line, int lineNumber, Findings out) {
    List<Word> words = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    int start = -1;
    boolean quoted = false;
    boolean open = false;
    int quoteColumn = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (open) {
        if (c == '\\') {
          if (i + 1 < line.length()) {
            sb.append(line.charAt(++i));
          }
        } else if (c == '"') {
          // add_param_to_argv: the closing quote ends the word; what follows starts the next one
          open = false;
          words.add(new Word(sb.toString(), lineNumber, start + 1, false, true));
          sb.setLength(0);
          start = -1;
          quoted = false;
        } else {
          sb.append(c);
        }
        continue;
      }
      if (c == ' ' || c == '\t') {
        if (start >= 0) {
          words.add(new Word(sb.toString(), lineNumber, start + 1, false, quoted));
          sb.setLength(0);
          start = -1;
          quoted = false;
        }
        continue;
      }
      if (start < 0) {
        start = i;
      }
      if (c == '"') {
        open = true;
        quoted = true;
        quoteColumn = i + 1;
      } else {
        sb.append(c);
      }
    }
    if (open) {
      out.report(IptablesRules.RESTORE_QUOTE, lineNumber, quoteColumn,
          "unterminated quote: iptables-restore takes the rest of the line, options included, as this one value", "close the quote with \"");
    }
    if (start >= 0) {
      words.add(new Word(sb.toString(), lineNumber, start + 1, false, quoted));
    }
    return words;
  }
}

package org.opsbook.checker.iptables.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opsbook.check.Findings;
import org.opsbook.checker.iptables.IptablesRules;
import org.opsbook.checker.iptables.model.Word;

/**
 * Splits a snippet written as shell command lines into simple commands of words, the way a POSIX
 * shell would before running them: prompts ({@code # } and {@code $ } before a command), quoting,
 * backslash escapes and continuations, comments and the control operators {@code ;}, {@code &},
 * {@code &&}, {@code ||} and {@code |}, each remembered with the command it ends so the caller
 * can tell which commands run. Expansions are not performed; words containing them are flagged.
 * A carriage return is an ordinary character, as it is to the shell: with CR LF line ends it
 * stays on the last word of the line.
 */
final class ShellTokenizer {
  /** Words after a leading {@code # } that make it a root prompt rather than a comment. */
  private static final Set<String> PROMPTED_COMMANDS =
      Set.of("iptables", "ip6tables", "sudo", "sysctl", "ip", "modprobe", "iptables-save",
          "iptables-restore", "ip6tables-save", "ip6tables-restore", "iptables-legacy", "iptables-nft",
          "/sbin/iptables", "/usr/sbin/iptables", "echo", "export");

  /** What ends a simple command: a newline (or the end), or one of the shell's control operators. */
  enum Operator {
    END(""), SEQUENCE(";"), BACKGROUND("&"), AND("&&"), OR("||"), PIPE("|");

    private final String text;

    Operator(String text) {
      this.text = text;
    }

    String text() {
      return text;
    }
  }

  /**
   * A simple command: its words in order, the line it starts on, and the operator after it.
   *
   * @param operatorAt where that operator is written, or {@code null} for {@link Operator#END}
   */
  record Command(List<Word> words, int line, boolean heredoc, Operator next, Word operatorAt) {}

  private final String text;
  private final Findings findings;
  private final List<Command> commands = new ArrayList<>();
  private List<Word> words = new ArrayList<>();
  private int pos;
  private int line = 1;
  private int column = 1;
  private boolean atCommandStart = true;
  private String heredocEnd;

  private ShellTokenizer(String text, Findings findings) {
    this.text = text;
    this.findings = findings;
  }

  static List<Command> tokenize(String text, Findings findings) {
    ShellTokenizer t = new ShellTokenizer(text, findings);
    t.run();
    return t.commands;
  }

  private void run() {
    while (pos < text.length()) {
      if (heredocEnd != null) {
        skipHeredocBody();
        continue;
      }
      char c = text.charAt(pos);
      if (c == '\n') {
        endCommand(Operator.END, null);
        advance();
        atCommandStart = true;
      } else if (c == ' ' || c == '\t') {
        advance();
      } else if (atCommandStart && skipPrompt()) {
        atCommandStart = false;
      } else if (c == '#') {
        skipToEndOfLine();
      } else if (skipRedirection()) {
        atCommandStart = false;
      } else if (c == ';' || c == '|' || c == '&') {
        readSeparator(c);
      } else if (c == '\\' && peek(1) == '\n') {
        advance();
        advance();
      } else {
        atCommandStart = false;
        readWord();
      }
    }
    endCommand(Operator.END, null);
  }

  /** Skips {@code $ }, {@code # } (before a known command) or {@code user@host:~# } at a line start. */
  private boolean skipPrompt() {
    int end = text.indexOf('\n', pos);
    String rest = text.substring(pos, end < 0 ? text.length() : end);
    int promptLength = 0;
    if (rest.startsWith("$ ") || rest.equals("$")) {
      promptLength = 1;
    } else if (rest.startsWith("# ")) {
      String next = rest.substring(2).stripLeading();
      int space = 0;
      while (space < next.length() && next.charAt(space) != ' ' && next.charAt(space) != '\t') {
        space++;
      }
      String first = next.substring(0, space);
      if (PROMPTED_COMMANDS.contains(first)) {
        promptLength = 1;
      }
    } else {
      java.util.regex.Matcher m = USER_PROMPT.matcher(rest);
      if (m.lookingAt()) {
        promptLength = m.end();
      }
    }
    for (int i = 0; i < promptLength; i++) {
      advance();
    }
    return promptLength > 0;
  }

  private static final java.util.regex.Pattern USER_PROMPT =
      java.util.regex.Pattern.compile("[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:[^ \t#$]*[#$] ");

  /**
   * Skips a redirection such as {@code > file}, {@code 2>/dev/null}, {@code 2>&1} or
   * {@code &> log}: the shell consumes it, so the program never sees those words.
   */
  private boolean skipRedirection() {
    char c = text.charAt(pos);
    if (c != '>' && c != '<' && c != '&' && (c < '0' || c > '9')) {
      return false;
    }
    java.util.regex.Matcher m = REDIRECTION.matcher(text);
    m.region(pos, text.length());
    if (!m.lookingAt()) {
      return false;
    }
    boolean duplicate = m.group(1) != null;
    for (int i = m.start(); i < m.end(); i++) {
      advance();
    }
    if (duplicate) {
      return true;
    }
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      advance();
    }
    if (pos < text.length() && text.charAt(pos) != '\n') {
      int before = words.size();
      readWord();
      while (words.size() > before) {
        words.remove(words.size() - 1);
      }
    }
    return true;
  }

  /** {@code [N]>}, {@code [N]>>}, {@code <}, {@code &>}, or a descriptor copy {@code [N]>&M}. */
  private static final java.util.regex.Pattern REDIRECTION =
      java.util.regex.Pattern.compile("\\d*(?:>>|>|<(?!<)|&>>|&>)(&(?:\\d+|-))?");

  private void readSeparator(char c) {
    Word at = new Word(String.valueOf(c), line, column, false, false);
    Operator op;
    if ((c == '&' || c == '|') && peek(1) == c) {
      advance();
      op = c == '&' ? Operator.AND : Operator.OR;
      at = new Word(op.text(), at.line(), at.column(), false, false);
    } else {
      // a background '&' ends the command like ';', and the next one runs whatever it returns
      op = c == ';' ? Operator.SEQUENCE : c == '&' ? Operator.BACKGROUND : Operator.PIPE;
    }
    advance();
    endCommand(op, at);
    atCommandStart = false;
  }

  private void readWord() {
    int startLine = line;
    int startColumn = column;
    StringBuilder sb = new StringBuilder();
    boolean variable = false;
    boolean quoted = false;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '|' || c == '&') {
        break;
      }
      if (c == '<' && peek(1) == '<' && sb.isEmpty()) {
        readHeredocStart();
        return;
      }
      if (c == '\\') {
        char n = peek(1);
        if (n == '\n') {
          advance();
          advance();
          continue;
        }
        advance();
        if (pos < text.length()) {
          sb.append(text.charAt(pos));
          advance();
        }
        quoted = true;
      } else if (c == '\'') {
        quoted = true;
        int qLine = line;
        int qColumn = column;
        advance();
        while (pos < text.length() && text.charAt(pos) != '\'') {
          sb.append(text.charAt(pos));
          advance();
        }
        if (pos >= text.length()) {
          unterminated(qLine, qColumn, "'");
          break;
        }
        advance();
      } else if (c == '"') {
        quoted = true;
        int qLine = line;
        int qColumn = column;
        advance();
        while (pos < text.length() && text.charAt(pos) != '"') {
          char d = text.charAt(pos);
          if (d == '\\' && "$`\"\\\n".indexOf(peek(1)) >= 0) {
            advance();
            if (text.charAt(pos) != '\n') {
              sb.append(text.charAt(pos));
            }
            advance();
            continue;
          }
          if (d == '$' || d == '`') {
            variable = true;
          }
          sb.append(d);
          advance();
        }
        if (pos >= text.length()) {
          unterminated(qLine, qColumn, "\"");
          break;
        }
        advance();
      } else if (c == '$' || c == '`') {
        variable = true;
        sb.append(readExpansion());
      } else {
        sb.append(c);
        advance();
      }
    }
    words.add(new Word(sb.toString(), startLine, startColumn, variable, quoted));
  }

  private void unterminated(int qLine, int qColumn, String quote) {
    findings.report(IptablesRules.SHELL_SYNTAX, qLine, qColumn,
        "unterminated " + (quote.equals("'") ? "single" : "double") + " quote", "close the quote with " + quote + " before the end of the command");
  }

  /** Reads {@code $NAME}, {@code ${...}}, {@code $(...)} or a backquoted command, as written. */
  private String readExpansion() {
    int start = pos;
    char c = text.charAt(pos);
    advance();
    if (c == '`') {
      while (pos < text.length() && text.charAt(pos) != '`' && text.charAt(pos) != '\n') {
        advance();
      }
      if (pos < text.length() && text.charAt(pos) == '`') {
        advance();
      }
      return text.substring(start, pos);
    }
    char n = pos < text.length() ? text.charAt(pos) : ' ';
    if (n == '{' || n == '(') {
      char close = n == '{' ? '}' : ')';
      int depth = 0;
      while (pos < text.length() && text.charAt(pos) != '\n') {
        char d = text.charAt(pos);
        advance();
        if (d == n) {
          depth++;
        } else if (d == close && --depth == 0) {
          break;
        }
      }
    } else {
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        advance();
      }
    }
    return text.substring(start, pos);
  }

  /** {@code <<EOF}: the lines up to the terminator are input data, not commands. */
  private void readHeredocStart() {
    advance();
    advance();
    if (pos < text.length() && text.charAt(pos) == '-') {
      advance();
    }
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      advance();
    }
    StringBuilder end = new StringBuilder();
    while (pos < text.length() && " \t\n;|&".indexOf(text.charAt(pos)) < 0) {
      char c = text.charAt(pos);
      if (c != '\'' && c != '"') {
        end.append(c);
      }
      advance();
    }
    heredocEnd = end.toString();
    words.add(new Word("<<" + heredocEnd, line, column, false, true));
  }

  private void skipHeredocBody() {
    skipToEndOfLine();
    if (pos < text.length()) {
      endCommand(Operator.END, null);
      advance();
    }
    while (pos < text.length()) {
      int end = text.indexOf('\n', pos);
      String l = text.substring(pos, end < 0 ? text.length() : end);
      skipToEndOfLine();
      if (pos < text.length()) {
        advance();
      }
      if (l.strip().equals(heredocEnd)) {
        break;
      }
    }
    heredocEnd = null;
    atCommandStart = true;
  }

  private void skipToEndOfLine() {
    while (pos < text.length() && text.charAt(pos) != '\n') {
      advance();
    }
  }

  private void endCommand(Operator op, Word at) {
    if (!words.isEmpty()) {
      boolean heredoc = words.stream().anyMatch(w -> w.quoted() && w.text().startsWith("<<"));
      commands.add(new Command(List.copyOf(words), words.get(0).line(), heredoc, op, at));
      words = new ArrayList<>();
    }
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < text.length() ? text.charAt(i) : '\0';
  }

  private void advance() {
    if (text.charAt(pos) == '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
    pos++;
  }
}

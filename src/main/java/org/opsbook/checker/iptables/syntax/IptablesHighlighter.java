package org.opsbook.checker.iptables.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.TokenKind;

/**
 * Splits iptables command lines and save files into highlighted tokens for the site. A scanner
 * that looks at each character a bounded number of times, so any line, a quoted string of any
 * length included, costs time in proportion to its length and no stack.
 *
 * <p>At each position the first of these that fits wins, else the position is plain: a comment
 * ({@code #} after white space, unless it is a root prompt before {@code iptables},
 * {@code ip6tables} or {@code sudo}), a quoted string (to its closing quote, or the line's end), a
 * variable ({@code $NAME}, {@code ${NAME}}), a {@code !}, an option after white space ({@code -s},
 * {@code --dport}; commands such as {@code -A} are keywords), an IPv4 address (with a mask, a port
 * or port range, or a second address of a range), a number ({@code 22}, {@code 1024:65535}), and a
 * word, which is a target when it names one.
 */
public final class IptablesHighlighter {
  private static final Pattern PROMPT = Pattern.compile("^[ \\t]*(?:[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:[^ \\t#$]*)?[#$] (?=\\S)");
  private static final Set<String> COMMANDS = Set.of("-A", "-I", "-D", "-R", "-C", "-P", "-N", "-X", "-E", "-F", "-Z", "-L", "-S",
      "--append", "--insert", "--delete", "--replace", "--check", "--policy", "--new-chain", "--delete-chain", "--rename-chain",
      "--flush", "--zero", "--list", "--list-rules");
  private static final List<String> PROMPTED = List.of("iptables", "ip6tables", "sudo");

  private IptablesHighlighter() {}

  public static List<HighlightToken> highlight(String text, String language) {
    List<HighlightToken> out = new ArrayList<>();
    int offset = 0;
    for (String line : text.split("\n", -1)) {
      highlightLine(line, offset, out);
      offset += line.length() + 1;
    }
    return List.copyOf(out);
  }

  private static void highlightLine(String line, int base, List<HighlightToken> out) {
    int start = 0;
    String stripped = line.strip();
    if (stripped.startsWith("*")) {
      out.add(new HighlightToken(base + line.indexOf('*'), base + line.length(), TokenKind.SECTION));
      return;
    }
    if (stripped.equals("COMMIT")) {
      out.add(new HighlightToken(base + line.indexOf('C'), base + line.indexOf('C') + 6, TokenKind.KEYWORD));
      return;
    }
    if (stripped.startsWith(":")) {
      int i = line.indexOf(':');
      int end = line.indexOf(' ', i);
      out.add(new HighlightToken(base + i, base + (end < 0 ? line.length() : end), TokenKind.SECTION));
      start = end < 0 ? line.length() : end;
    }
    Matcher p = PROMPT.matcher(line);
    if (start == 0 && p.lookingAt()) {
      int promptStart = line.length() - line.stripLeading().length();
      out.add(new HighlightToken(base + promptStart, base + p.end() - 1, TokenKind.PROMPT));
      start = p.end();
    }
    new LineScanner(line, base, out).scan(start);
  }

  /** The scan of one line. */
  private static final class LineScanner {
    private final String line;
    private final int base;
    private final List<HighlightToken> out;
    private final int n;

    LineScanner(String line, int base, List<HighlightToken> out) {
      this.line = line;
      this.base = base;
      this.out = out;
      this.n = line.length();
    }

    void scan(int from) {
      int i = from;
      while (i < n) {
        int end;
        if ((end = comment(i)) > i) {
          add(i, end, TokenKind.COMMENT);
        } else if ((end = string(i)) > i) {
          add(i, end, TokenKind.STRING);
        } else if ((end = variable(i)) > i) {
          add(i, end, TokenKind.VARIABLE);
        } else if ((end = bang(i)) > i) {
          add(i, end, TokenKind.PUNCTUATION);
        } else if ((end = option(i)) > i) {
          add(i, end, COMMANDS.contains(line.substring(i, end)) ? TokenKind.KEYWORD : TokenKind.OPTION);
        } else if ((end = address(i)) > i) {
          add(i, end, TokenKind.ADDRESS);
        } else if ((end = number(i)) > i) {
          add(i, end, TokenKind.NUMBER);
        } else if ((end = word(i)) > i) {
          String w = line.substring(i, end);
          if (Extensions.VERDICTS.contains(w) || Extensions.TARGETS.containsKey(w)) {
            add(i, end, TokenKind.TARGET);
          }
        } else {
          end = i + 1;
        }
        i = end;
      }
    }

    private void add(int from, int to, TokenKind kind) {
      out.add(new HighlightToken(base + from, base + to, kind));
    }

    private int comment(int i) {
      if (line.charAt(i) != '#' || !(i == 0 || isSpace(line.charAt(i - 1)))) {
        return i;
      }
      int j = i + 1;
      for (int skip = 0; skip <= 1; skip++) {
        int k = j + skip;
        if (skip == 1 && (j >= n || line.charAt(j) != ' ')) {
          break;
        }
        for (String p : PROMPTED) {
          if (line.startsWith(p, k) && (k + p.length() == n || !isWordChar(line.charAt(k + p.length())))) {
            return i; // a root prompt before a command, not a comment
          }
        }
      }
      // To the end of the line, or to a CR, NEL, LS or PS inside it: a page shows a CR as a line
      // break, and what follows it is not shown as part of the comment.
      int end = i + 1;
      while (end < n && !isLineTerminator(line.charAt(end))) {
        end++;
      }
      return end;
    }

    private int string(int i) {
      char c = line.charAt(i);
      if (c == '\'') {
        int close = line.indexOf('\'', i + 1);
        return close < 0 ? n : close + 1;
      }
      if (c != '"') {
        return i;
      }
      int j = i + 1;
      while (j < n) {
        char d = line.charAt(j);
        if (d == '"') {
          return j + 1;
        }
        if (d == '\\') {
          if (j + 1 >= n || isLineTerminator(line.charAt(j + 1))) {
            return j; // an escape with nothing to escape ends the string before it
          }
          j += 2;
        } else {
          j++;
        }
      }
      return n;
    }

    private int variable(int i) {
      if (line.charAt(i) != '$') {
        return i;
      }
      int j = i + 1;
      if (j < n && line.charAt(j) == '{' && j + 1 < n && isNameStart(line.charAt(j + 1))) {
        j++;
      }
      if (j >= n || !isNameStart(line.charAt(j))) {
        return i;
      }
      j++;
      while (j < n && isNamePart(line.charAt(j))) {
        j++;
      }
      return j < n && line.charAt(j) == '}' ? j + 1 : j;
    }

    private int bang(int i) {
      char c = line.charAt(i);
      if (c == '!') {
        return i + 1;
      }
      return c == '\\' && i + 1 < n && line.charAt(i + 1) == '!' ? i + 2 : i;
    }

    private int option(int i) {
      if (line.charAt(i) != '-' || !(i == 0 || isSpace(line.charAt(i - 1)))) {
        return i;
      }
      int j = i + 1;
      if (j + 1 < n && line.charAt(j) == '-' && isAlnum(line.charAt(j + 1))) {
        j++;
      }
      if (j >= n || !isAlnum(line.charAt(j))) {
        return i;
      }
      j++;
      while (j < n && (isAlnum(line.charAt(j)) || line.charAt(j) == '-')) {
        j++;
      }
      return j;
    }

    /** {@code A.B.C.D} with an optional {@code /MASK}, {@code :PORT[-PORT]} and {@code -A.B.C.D}. */
    private int address(int i) {
      if (!atWordStart(i)) {
        return i;
      }
      int j = ipv4(i);
      if (j == i) {
        return i;
      }
      if (j < n && line.charAt(j) == '/' && j + 1 < n && isDigit(line.charAt(j + 1))) {
        j = digits(j + 1, 2);
      }
      if (j < n && line.charAt(j) == ':' && j + 1 < n && isDigit(line.charAt(j + 1))) {
        j = digits(j + 1, Integer.MAX_VALUE);
        if (j < n && line.charAt(j) == '-' && j + 1 < n && isDigit(line.charAt(j + 1))) {
          j = digits(j + 1, Integer.MAX_VALUE);
        }
      }
      if (j < n && line.charAt(j) == '-') {
        int k = ipv4(j + 1);
        if (k > j + 1) {
          j = k;
        }
      }
      return j;
    }

    /** Four dotted groups of one to three digits; the last takes at most three digits. */
    private int ipv4(int i) {
      int j = i;
      for (int octet = 0; octet < 4; octet++) {
        int run = digits(j, Integer.MAX_VALUE) - j;
        if (run == 0) {
          return i;
        }
        if (octet < 3) {
          if (run > 3 || j + run >= n || line.charAt(j + run) != '.') {
            return i;
          }
          j += run + 1;
        } else {
          j += Math.min(run, 3);
        }
      }
      return j;
    }

    /** {@code N} or {@code N:M}, ending at a word boundary. */
    private int number(int i) {
      if (!atWordStart(i) || !isDigit(line.charAt(i))) {
        return i;
      }
      int j = digits(i, Integer.MAX_VALUE);
      if (j + 1 < n && line.charAt(j) == ':' && isDigit(line.charAt(j + 1))) {
        int k = digits(j + 1, Integer.MAX_VALUE);
        if (k == n || !isWordChar(line.charAt(k))) {
          return k;
        }
      }
      return j == n || !isWordChar(line.charAt(j)) ? j : i;
    }

    private int word(int i) {
      char c = line.charAt(i);
      if (!(isAsciiLetter(c) || c == '_')) {
        return i;
      }
      int j = i + 1;
      while (j < n && (isAsciiLetter(line.charAt(j)) || isDigit(line.charAt(j)) || "_.+-".indexOf(line.charAt(j)) >= 0)) {
        j++;
      }
      return j;
    }

    private int digits(int from, int max) {
      int j = from;
      while (j < n && j - from < max && isDigit(line.charAt(j))) {
        j++;
      }
      return j;
    }

    private boolean atWordStart(int i) {
      return isWordChar(line.charAt(i)) && (i == 0 || !isWordChar(line.charAt(i - 1)));
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
  }

  private static boolean isAlnum(char c) {
    return isAsciiLetter(c) || isDigit(c);
  }

  private static boolean isNameStart(char c) {
    return isAsciiLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c);
  }

  /** A word character as a regular expression's word boundary sees it. */
  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }
}

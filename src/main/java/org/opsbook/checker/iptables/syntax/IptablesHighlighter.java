package org.opsbook.checker.iptables.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.TokenKind;

/** Splits iptables command lines and save files into highlighted tokens for the site. */
public final class IptablesHighlighter {
  private static final Pattern TOKEN = Pattern.compile(
      "(?<comment>(?<=^|\\s)#(?! ?(?:iptables|ip6tables|sudo)\\b).*)"
          + "|(?<string>\"(?:[^\"\\\\]|\\\\.)*\"?|'[^']*'?)"
          + "|(?<var>\\$\\{?[A-Za-z_][A-Za-z0-9_]*\\}?)"
          + "|(?<bang>\\\\?!)"
          + "|(?<option>(?<=^|\\s)--?[A-Za-z0-9][A-Za-z0-9-]*)"
          + "|(?<address>\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?:/\\d{1,2})?(?::\\d+(?:-\\d+)?)?(?:-\\d{1,3}(?:\\.\\d{1,3}){3})?)"
          + "|(?<number>\\b\\d+(?::\\d+)?\\b)"
          + "|(?<word>[A-Za-z_][A-Za-z0-9_.+-]*)");
  private static final Pattern PROMPT = Pattern.compile("^[ \\t]*(?:[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:[^ \\t#$]*)?[#$] (?=\\S)");
  private static final List<String> COMMANDS = List.of("-A", "-I", "-D", "-R", "-C", "-P", "-N", "-X", "-E", "-F", "-Z", "-L", "-S",
      "--append", "--insert", "--delete", "--replace", "--check", "--policy", "--new-chain", "--delete-chain", "--rename-chain",
      "--flush", "--zero", "--list", "--list-rules");

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
    Matcher m = TOKEN.matcher(line);
    m.region(start, line.length());
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    while (m.find()) {
      TokenKind kind;
      if (m.group("comment") != null) {
        kind = TokenKind.COMMENT;
      } else if (m.group("string") != null) {
        kind = TokenKind.STRING;
      } else if (m.group("var") != null) {
        kind = TokenKind.VARIABLE;
      } else if (m.group("bang") != null) {
        kind = TokenKind.PUNCTUATION;
      } else if (m.group("option") != null) {
        kind = COMMANDS.contains(m.group()) ? TokenKind.KEYWORD : TokenKind.OPTION;
      } else if (m.group("address") != null) {
        kind = TokenKind.ADDRESS;
      } else if (m.group("number") != null) {
        kind = TokenKind.NUMBER;
      } else {
        String w = m.group();
        if (Extensions.VERDICTS.contains(w) || Extensions.TARGETS.containsKey(w)) {
          kind = TokenKind.TARGET;
        } else {
          continue;
        }
      }
      out.add(new HighlightToken(base + m.start(), base + m.end(), kind));
    }
  }
}

package org.opsbook.checker.iptables.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.TokenKind;

class IptablesHighlighterFuzzTest {
  /**
   * The regular expression the scanner replaced, kept as the reference for short texts (on a long
   * quoted string its alternation overflows the stack, which is why it was replaced).
   */
  private static final Pattern REFERENCE = Pattern.compile(
      "(?<comment>(?<=^|\\s)#(?! ?(?:iptables|ip6tables|sudo)\\b).*)"
          + "|(?<string>\"(?:[^\"\\\\]|\\\\.)*\"?|'[^']*'?)"
          + "|(?<var>\\$\\{?[A-Za-z_][A-Za-z0-9_]*\\}?)"
          + "|(?<bang>\\\\?!)"
          + "|(?<option>(?<=^|\\s)--?[A-Za-z0-9][A-Za-z0-9-]*)"
          + "|(?<address>\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?:/\\d{1,2})?(?::\\d+(?:-\\d+)?)?(?:-\\d{1,3}(?:\\.\\d{1,3}){3})?)"
          + "|(?<number>\\b\\d+(?::\\d+)?\\b)"
          + "|(?<word>[A-Za-z_][A-Za-z0-9_.+-]*)");
  private static final Pattern PROMPT = Pattern.compile("^[ \\t]*(?:[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:[^ \\t#$]*)?[#$] (?=\\S)");
  private static final Set<String> COMMANDS = Set.of("-A", "-I", "-D", "-R", "-C", "-P", "-N", "-X", "-E", "-F", "-Z", "-L", "-S",
      "--append", "--insert", "--delete", "--replace", "--check", "--policy", "--new-chain", "--delete-chain", "--rename-chain",
      "--flush", "--zero", "--list", "--list-rules");

  @FuzzTest(maxDuration = "30s")
  void tokensAreOrderedInRangeAndAsTheReferenceFindsThem(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    List<HighlightToken> tokens = IptablesHighlighter.highlight(text, "iptables");
    int end = 0;
    for (HighlightToken t : tokens) {
      assertTrue(t.start() >= end && t.start() < t.end() && t.end() <= text.length(), t.toString());
      end = t.end();
    }
    if (text.length() <= 300) {
      assertEquals(reference(text), tokens, text);
    }
  }

  /** The tokens the replaced expression gave. */
  private static List<HighlightToken> reference(String text) {
    List<HighlightToken> out = new ArrayList<>();
    int base = 0;
    for (String line : text.split("\n", -1)) {
      referenceLine(line, base, out);
      base += line.length() + 1;
    }
    return out;
  }

  private static void referenceLine(String line, int base, List<HighlightToken> out) {
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
      int e = line.indexOf(' ', i);
      out.add(new HighlightToken(base + i, base + (e < 0 ? line.length() : e), TokenKind.SECTION));
      start = e < 0 ? line.length() : e;
    }
    Matcher p = PROMPT.matcher(line);
    if (start == 0 && p.lookingAt()) {
      int promptStart = line.length() - line.stripLeading().length();
      out.add(new HighlightToken(base + promptStart, base + p.end() - 1, TokenKind.PROMPT));
      start = p.end();
    }
    Matcher m = REFERENCE.matcher(line);
    m.region(start, line.length());
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    while (m.find()) {
      TokenKind kind = m.group("comment") != null ? TokenKind.COMMENT : m.group("string") != null ? TokenKind.STRING
          : m.group("var") != null ? TokenKind.VARIABLE : m.group("bang") != null ? TokenKind.PUNCTUATION
          : m.group("option") != null ? (COMMANDS.contains(m.group()) ? TokenKind.KEYWORD : TokenKind.OPTION)
          : m.group("address") != null ? TokenKind.ADDRESS : m.group("number") != null ? TokenKind.NUMBER
          : Extensions.VERDICTS.contains(m.group()) || Extensions.TARGETS.containsKey(m.group()) ? TokenKind.TARGET : null;
      if (kind != null) {
        out.add(new HighlightToken(base + m.start(), base + m.end(), kind));
      }
    }
  }
}

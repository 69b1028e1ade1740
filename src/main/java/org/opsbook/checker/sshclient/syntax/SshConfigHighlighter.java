package org.opsbook.checker.sshclient.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.TokenKind;
import org.opsbook.checker.sshclient.model.Argument;

/** Splits ssh_config text into highlight tokens: keywords, Host/Match headers, values, comments. */
public final class SshConfigHighlighter {
  private SshConfigHighlighter() {}

  public static List<HighlightToken> highlight(String text) {
    List<HighlightToken> out = new ArrayList<>();
    int offset = 0;
    for (String line : text.split("\n", -1)) {
      highlightLine(line, offset, out);
      offset += line.length() + 1;
    }
    return out;
  }

  private static void highlightLine(String line, int offset, List<HighlightToken> out) {
    String trimmed = line.stripLeading();
    if (trimmed.isEmpty()) {
      return;
    }
    if (trimmed.startsWith("#")) {
      out.add(new HighlightToken(offset + line.length() - trimmed.length(), offset + line.length(), TokenKind.COMMENT));
      return;
    }
    ConfigLineLexer.Lexed lexed = ConfigLineLexer.lex(line);
    if (lexed.keyword() == null) {
      return;
    }
    int kwStart = lexed.keywordColumn() - 1;
    int kwEnd = Math.min(line.length(), kwStart + lexed.keyword().length());
    String lower = lexed.keyword().toLowerCase(java.util.Locale.ROOT);
    boolean header = lower.equals("host") || lower.equals("match");
    out.add(new HighlightToken(offset + kwStart, offset + kwEnd, header ? TokenKind.SECTION : TokenKind.KEYWORD));
    int end = kwEnd;
    for (Argument a : lexed.arguments()) {
      int start = a.column() - 1;
      if (start < end) {
        continue;
      }
      int stop = rawEnd(line, start);
      out.add(new HighlightToken(offset + start, offset + stop, kind(line.substring(start, stop), header)));
      end = stop;
    }
    int hash = commentStart(line, end);
    if (hash >= 0) {
      out.add(new HighlightToken(offset + hash, offset + line.length(), TokenKind.COMMENT));
    }
  }

  private static int rawEnd(String line, int start) {
    char quote = 0;
    int i = start;
    for (; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        i++;
      } else if (quote == 0 && (c == ' ' || c == '\t')) {
        break;
      } else if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      }
    }
    return i;
  }

  private static int commentStart(String line, int from) {
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
        return i;
      }
    }
    return -1;
  }

  private static TokenKind kind(String raw, boolean header) {
    if (raw.startsWith("\"") || raw.startsWith("'")) {
      return TokenKind.STRING;
    }
    if (raw.contains("%") || raw.contains("${")) {
      return TokenKind.VARIABLE;
    }
    if (!raw.isEmpty() && raw.chars().allMatch(Character::isDigit)) {
      return TokenKind.NUMBER;
    }
    if (header || raw.matches("[\\[\\]0-9a-fA-F.:]+:\\d+|[a-z0-9.-]+\\.[a-z]{2,}(:\\d+)?")) {
      return TokenKind.ADDRESS;
    }
    return TokenKind.VALUE;
  }
}

package org.opsbook.checker.vcl.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.TokenKind;

/**
 * Highlighting for VCL: comments, strings, numbers with their units, keywords, the names after
 * {@code sub}, {@code backend}, {@code acl} and {@code probe}, return actions, variables and
 * operators. It reads any text, broken or not, and never throws. Pure functions.
 */
public final class VclHighlighter {
  private static final Set<String> KEYWORDS = Set.of("vcl", "sub", "backend", "probe", "acl", "import", "include",
      "if", "else", "elseif", "elsif", "elif", "set", "unset", "call", "return", "new", "synthetic", "hash_data",
      "ban", "from", "as");
  private static final Set<String> DECLARATIONS = Set.of("sub", "backend", "probe", "acl");
  private static final Set<String> ACTIONS = Set.of("abandon", "deliver", "error", "fail", "fetch", "hash", "lookup",
      "ok", "pass", "pipe", "purge", "restart", "retry", "synth", "vcl");
  private static final Set<String> VARIABLE_ROOTS = Set.of("req", "resp", "bereq", "beresp", "obj", "client", "server",
      "local", "remote", "now", "storage", "sess", "req_top");

  private VclHighlighter() {}

  public static List<HighlightToken> highlight(String s) {
    List<HighlightToken> out = new ArrayList<>();
    int n = s.length();
    int p = 0;
    String previousWord = "";
    boolean inReturn = false;
    while (p < n) {
      char c = s.charAt(p);
      if (c == '#' || (c == '/' && p + 1 < n && s.charAt(p + 1) == '/')) {
        int e = s.indexOf('\n', p);
        e = e < 0 ? n : e;
        out.add(new HighlightToken(p, e, TokenKind.COMMENT));
        p = e;
        continue;
      }
      if (c == '/' && p + 1 < n && s.charAt(p + 1) == '*') {
        int e = s.indexOf("*/", p + 2);
        e = e < 0 ? n : e + 2;
        out.add(new HighlightToken(p, e, TokenKind.COMMENT));
        p = e;
        continue;
      }
      if (s.startsWith("\"\"\"", p) || s.startsWith("{\"", p) || c == '"') {
        String close = s.startsWith("\"\"\"", p) ? "\"\"\"" : s.startsWith("{\"", p) ? "\"}" : "\"";
        int open = close.equals("\"}") ? 2 : close.length();
        int e = s.indexOf(close, p + open);
        if (close.equals("\"")) {
          int nl = s.indexOf('\n', p + 1);
          if (e < 0 || (nl >= 0 && nl < e)) {
            e = nl < 0 ? n : nl;
          } else {
            e = e + 1;
          }
        } else {
          e = e < 0 ? n : e + close.length();
        }
        out.add(new HighlightToken(p, e, TokenKind.STRING));
        p = e;
        continue;
      }
      if (c >= '0' && c <= '9') {
        int e = p;
        while (e < n && (Character.isDigit(s.charAt(e)) || s.charAt(e) == '.')) {
          e++;
        }
        int u = e;
        while (u < n && Character.isLetter(s.charAt(u)) && u - e < 2) {
          u++;
        }
        if (u < n && Character.isLetterOrDigit(s.charAt(u))) {
          u = e;
        }
        out.add(new HighlightToken(p, u, TokenKind.NUMBER));
        p = u;
        continue;
      }
      if (VclLexer.isIdentStart(c)) {
        int e = p;
        while (e < n && (VclLexer.isIdent(s.charAt(e)) || (s.charAt(e) == '.' && e + 1 < n
            && VclLexer.isIdentStart(s.charAt(e + 1))))) {
          e++;
        }
        String word = s.substring(p, e);
        String root = word.contains(".") ? word.substring(0, word.indexOf('.')) : word;
        TokenKind kind = null;
        if (DECLARATIONS.contains(previousWord) && !word.contains(".")) {
          kind = TokenKind.SECTION;
        } else if (inReturn && ACTIONS.contains(word)) {
          kind = TokenKind.TARGET;
        } else if (KEYWORDS.contains(word)) {
          kind = TokenKind.KEYWORD;
        } else if (VARIABLE_ROOTS.contains(root)) {
          kind = TokenKind.VARIABLE;
        }
        if (kind != null) {
          out.add(new HighlightToken(p, e, kind));
        }
        inReturn = word.equals("return") || (inReturn && ACTIONS.contains(word));
        previousWord = word;
        p = e;
        continue;
      }
      if ("{}()=!~<>+-*/%&|;,".indexOf(c) >= 0) {
        int e = p + 1;
        if (e < n && "=~&|".indexOf(s.charAt(e)) >= 0 && "=!<>+-*/&|".indexOf(c) >= 0) {
          e++;
        }
        out.add(new HighlightToken(p, e, TokenKind.PUNCTUATION));
        if (c == ';' || c == '{' || c == '}') {
          inReturn = false;
        }
        p = e;
        continue;
      }
      p++;
    }
    return out;
  }
}

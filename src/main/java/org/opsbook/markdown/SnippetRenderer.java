package org.opsbook.markdown;

import java.util.List;
import org.opsbook.check.HighlightToken;
import org.opsbook.diag.Diagnostic;

/**
 * Renders a snippet as a {@code <figure>}: caption with file name, check badge, download link and
 * copy button, then the text with server-side highlighting, one {@code span.line} per line.
 * Snippet text is always escaped, whatever it contains.
 */
public final class SnippetRenderer {
  private SnippetRenderer() {}

  public static String render(SnippetView view) {
    StringBuilder out = new StringBuilder(view.snippet().text().length() * 2 + 400);
    String language = view.snippet().language();
    out.append("<figure class=\"snippet snippet-").append(view.state()).append("\" id=\"").append(escape(view.anchor()))
        .append('"');
    if (view.copyText() != null) {
      out.append(" data-copy=\"").append(escape(view.copyText())).append('"');
    }
    out.append(">\n<figcaption class=\"snippet-head\">");
    String title = view.snippet().attribute("file").orElse(view.snippet().attribute("title").orElse(""));
    if (!title.isEmpty()) {
      out.append("<span class=\"snippet-file\">").append(escape(title)).append("</span>");
    }
    out.append("<span class=\"badge badge-").append(view.state()).append("\">").append(escape(view.badge())).append("</span>");
    out.append("<span class=\"snippet-actions\">");
    if (view.downloadHref() != null) {
      out.append("<a class=\"snippet-download\" href=\"").append(escape(view.downloadHref())).append("\" download=\"")
          .append(escape(view.downloadName())).append("\">Download</a>");
    }
    out.append("<button type=\"button\" class=\"copy-button\" hidden>Copy</button></span></figcaption>\n");
    out.append("<pre class=\"code\" data-lang=\"").append(escape(language)).append("\"><code>");
    appendLines(out, view);
    out.append("</code></pre>\n");
    out.append("</figure>");
    return out.toString();
  }

  private static void appendLines(StringBuilder out, SnippetView view) {
    String text = view.snippet().text();
    List<HighlightToken> tokens = view.tokens();
    int tokenIndex = 0;
    int lineNo = 1;
    int lineStart = 0;
    while (lineStart < text.length()) {
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? text.length() : nl;
      List<Diagnostic> diags = view.lineDiagnostics().getOrDefault(lineNo, List.of());
      Boolean mark = view.lineMarks().get(lineNo);
      out.append("<span class=\"line");
      if (!diags.isEmpty()) {
        out.append(" has-").append(diags.get(0).severity().label());
      }
      if (mark != null) {
        out.append(mark ? " test-pass" : " test-fail");
      }
      out.append("\">");
      int pos = lineStart;
      while (tokenIndex < tokens.size() && tokens.get(tokenIndex).end() <= lineStart) {
        tokenIndex++;
      }
      int t = tokenIndex;
      while (pos < lineEnd) {
        HighlightToken token = t < tokens.size() ? tokens.get(t) : null;
        if (token == null || token.start() >= lineEnd) {
          escapeInto(out, text, pos, lineEnd);
          pos = lineEnd;
        } else if (token.start() > pos) {
          escapeInto(out, text, pos, token.start());
          pos = token.start();
        } else {
          int end = Math.min(token.end(), lineEnd);
          if (end > pos) {
            out.append("<span class=\"").append(token.kind().cssClass()).append("\">");
            escapeInto(out, text, pos, end);
            out.append("</span>");
            pos = end;
          }
          if (token.end() <= lineEnd) {
            t++;
          } else {
            break;
          }
        }
      }
      if (pos < lineEnd) {
        escapeInto(out, text, pos, lineEnd);
      }
      // No newline between lines: each is a block, and a newline would render as an empty line.
      out.append("</span>");
      for (Diagnostic d : diags) {
        out.append("<span class=\"diag diag-").append(d.severity().label()).append("\" role=\"note\">")
            .append(escape(d.severity().label() + ": " + d.message() + " [" + d.rule() + "]"))
            .append("</span>");
      }
      lineNo++;
      lineStart = lineEnd + 1;
    }
  }

  private static boolean special(char c) {
    return c == '&' || c == '<' || c == '>' || c == '"';
  }

  private static void escapeInto(StringBuilder out, String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
  }

  /** {@code & < > "} as character references; the same string when it has none of them. */
  public static String escape(String s) {
    int first = 0;
    while (first < s.length() && !special(s.charAt(first))) {
      first++;
    }
    if (first == s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, first);
    escapeInto(out, s, first, s.length());
    return out.toString();
  }
}

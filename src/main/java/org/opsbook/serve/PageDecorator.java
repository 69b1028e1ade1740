package org.opsbook.serve;

import java.util.List;
import java.util.Locale;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;

/**
 * Adds the preview's extras to an HTML page as it is served: the live-reload script and, when
 * the latest build has diagnostics, an overlay listing them. Never part of {@code build} output.
 */
final class PageDecorator {
  static final String SCRIPT_PATH = "/__opsbook/live.js";
  static final String SCRIPT_TAG = "<script src=\"" + SCRIPT_PATH + "\" defer></script>";

  private PageDecorator() {}

  static String decorate(String html, BuildState state) {
    String extra = overlay(state) + SCRIPT_TAG + "\n";
    int body = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
    return body < 0 ? html + extra : html.substring(0, body) + extra + html.substring(body);
  }

  /** The overlay markup, or nothing when the latest build is clean. */
  static String overlay(BuildState state) {
    List<Diagnostic> shown = state.diagnostics();
    if (shown.isEmpty()) {
      return "";
    }
    long errors = shown.stream().filter(Diagnostic::isError).count();
    String colour = errors > 0 ? "#b00020" : "#8a5a00";
    StringBuilder s = new StringBuilder();
    s.append("<div id=\"opsbook-overlay\" role=\"alert\" style=\"position:fixed;left:1rem;right:1rem;bottom:1rem;")
        .append("max-height:45vh;overflow:auto;z-index:2147483647;background:#fff;color:#111;border:3px solid ")
        .append(colour).append(";border-radius:6px;padding:.75rem 1rem;font:14px/1.4 ui-monospace,monospace;")
        .append("box-shadow:0 4px 24px rgba(0,0,0,.35)\">");
    s.append("<button type=\"button\" data-opsbook-close aria-label=\"Hide\" style=\"float:right\">&times;</button>");
    s.append("<strong style=\"color:").append(colour).append("\">opsbook: ").append(summary(shown)).append("</strong>");
    if (state.stale()) {
      s.append(" &mdash; the site could not be built, so this page is from the last build that worked.");
    }
    s.append("<ul style=\"list-style:none;margin:.5rem 0 0;padding:0\">");
    for (Diagnostic d : shown) {
      s.append("<li style=\"margin:.25rem 0\"><span style=\"color:")
          .append(d.severity() == Severity.ERROR ? "#b00020" : d.severity() == Severity.WARNING ? "#8a5a00" : "#00607a")
          .append("\">").append(escape(d.where().toString())).append(": ").append(d.severity().label()).append(":</span> ")
          .append(escape(d.message())).append(" [").append(escape(d.rule().value())).append("]");
      d.hintText().ifPresent(h -> s.append("<br><em>hint: ").append(escape(h)).append("</em>"));
      s.append("</li>");
    }
    s.append("</ul></div>\n");
    return s.toString();
  }

  /** A whole page for when no build has worked yet, so there is nothing else to show. */
  static String errorPage(BuildState state) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>opsbook: build failed</title></head>\n"
        + "<body><main><h1>The site did not build</h1><p>Fix the problems below and save; this page reloads by itself.</p>"
        + "</main>\n" + overlay(state) + SCRIPT_TAG + "\n</body></html>\n";
  }

  static String summary(List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
    long notes = diagnostics.size() - errors - warnings;
    StringBuilder s = new StringBuilder();
    s.append(errors).append(errors == 1 ? " error" : " errors").append(", ")
        .append(warnings).append(warnings == 1 ? " warning" : " warnings");
    if (notes > 0) {
      s.append(", ").append(notes).append(notes == 1 ? " note" : " notes");
    }
    return s.toString();
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}

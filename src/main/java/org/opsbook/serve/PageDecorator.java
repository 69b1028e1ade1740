package org.opsbook.serve;

import java.util.List;
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

  /** Where the preview lists every finding of the latest build, file by file. */
  static final String PROBLEMS_PATH = "/__opsbook/problems";

  /**
   * @param sitePath the page's path ({@code articles/x/}), whose source file's findings the
   *     overlay lists in full
   */
  static String decorate(String html, BuildState state, String sitePath) {
    String extra = overlay(state, state.sourceOf(sitePath).orElse(null), state.isLastGood(sitePath)) + SCRIPT_TAG + "\n";
    int body = lastBodyEnd(html);
    return body < 0 ? html + extra : html.substring(0, body) + extra + html.substring(body);
  }

  /** Where the last {@code </body>} starts, in any case; -1 when there is none. */
  private static int lastBodyEnd(String html) {
    for (int at = html.lastIndexOf("</"); at >= 0; at = at == 0 ? -1 : html.lastIndexOf("</", at - 1)) {
      if (html.regionMatches(true, at, "</body>", 0, 7)) {
        return at;
      }
    }
    return -1;
  }

  static String overlay(BuildState state, String pageSource) {
    return overlay(state, pageSource, false);
  }

  /**
   * The overlay markup, or nothing when the latest build is clean. It lists only the findings in
   * {@code pageSource} (may be null), so one article's note never covers every other page; the
   * rest of the site is one count that links to {@link #PROBLEMS_PATH}. With no finding on this
   * page it is a small bar. On a narrow screen the list starts folded (live.js), leaving a bar.
   *
   * @param lastGood the page's article does not build now and this is its last version that did
   */
  static String overlay(BuildState state, String pageSource, boolean lastGood) {
    Findings findings = state.findings();
    if (findings.all().isEmpty() && !state.stale()) {
      return "";
    }
    List<Diagnostic> here = findings.in(pageSource);
    Findings.Counts site = findings.counts();
    String colour = site.errors() > 0 ? "#b00020" : site.warnings() > 0 ? "#8a5a00" : "#00607a";
    boolean full = !here.isEmpty() || state.stale() || lastGood;
    StringBuilder s = new StringBuilder();
    s.append("<details id=\"opsbook-overlay\"").append(full ? " open" : "").append(here.stream().anyMatch(Diagnostic::isError)
        ? " role=\"alert\"" : "").append(" style=\"position:fixed;").append(full ? "left:1rem;" : "")
        .append("right:1rem;bottom:1rem;max-height:45vh;overflow:auto;z-index:2147483647;background:#fff;color:#111;")
        .append("border:3px solid ").append(colour).append(";border-radius:6px;padding:.5rem .9rem;")
        .append("font:14px/1.4 ui-monospace,monospace;box-shadow:0 4px 24px rgba(0,0,0,.35)\">");
    s.append("<style>@media (max-width:40rem){#opsbook-overlay{left:0!important;right:0!important;bottom:0!important;")
        .append("border-radius:0!important;max-height:60vh!important}}#opsbook-overlay>summary{cursor:pointer}</style>");
    s.append("<summary><strong style=\"color:").append(colour).append("\">opsbook:</strong> ");
    if (pageSource != null || !here.isEmpty()) {
      s.append("this page ").append(here.isEmpty() ? "is clean" : summary(here)).append(" &middot; ");
    }
    s.append(here.isEmpty() ? "site: " : "whole site: ").append(summary(site))
        .append(" &middot; <a href=\"").append(PROBLEMS_PATH).append("\" style=\"color:inherit\">all problems</a></summary>");
    if (state.stale()) {
      s.append("<p style=\"margin:.4rem 0\">The site could not be built, so this page is from the last build that worked.</p>");
    }
    if (lastGood) {
      s.append("<p style=\"margin:.4rem 0\">This article does not build now; you are looking at its last version that did.</p>");
    }
    if (!here.isEmpty()) {
      s.append("<ul style=\"list-style:none;margin:.5rem 0 0;padding:0\">");
      for (Diagnostic d : here) {
        item(s, d);
      }
      s.append("</ul>");
    }
    s.append("</details>\n");
    return s.toString();
  }

  private static void item(StringBuilder s, Diagnostic d) {
    s.append("<li style=\"margin:.25rem 0\"><span style=\"color:")
        .append(d.severity() == Severity.ERROR ? "#b00020" : d.severity() == Severity.WARNING ? "#8a5a00" : "#00607a")
        .append("\">").append(escape(d.where().toString())).append(": ").append(d.severity().label()).append(":</span> ")
        .append(escape(d.message())).append(" [").append(escape(d.rule().value())).append("]");
    d.hintText().ifPresent(h -> s.append("<br><em>hint: ").append(escape(h)).append("</em>"));
    s.append("</li>");
  }

  /** {@value #PROBLEMS_PATH}: every finding of the latest build, grouped by file, errors first. */
  static String problemsPage(BuildState state) {
    StringBuilder s = new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>opsbook: problems</title></head>\n"
        + "<body style=\"font:15px/1.5 system-ui,sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem\">"
        + "<main><h1>Problems in the latest build</h1><p><a href=\"/\">Back to the site</a></p>");
    Findings findings = state.findings();
    if (findings.all().isEmpty()) {
      s.append("<p>None: every snippet checked and every test passed.</p>");
    } else {
      s.append("<p><strong>").append(summary(findings.counts())).append("</strong>; this page reloads with every rebuild.</p>");
    }
    List<String> files = new java.util.ArrayList<>(findings.files());
    files.sort(java.util.Comparator.comparing((String f) -> findings.in(f).stream().noneMatch(Diagnostic::isError))
        .thenComparing(java.util.Comparator.naturalOrder()));
    for (String file : files) {
      List<Diagnostic> ds = findings.in(file);
      s.append("<h2 style=\"font-size:1.05rem;overflow-wrap:anywhere\">").append(escape(file)).append(" &middot; ")
          .append(summary(ds)).append("</h2><ul style=\"list-style:none;padding:0;font:14px/1.4 ui-monospace,monospace;")
          .append("overflow-wrap:anywhere\">");
      for (Diagnostic d : ds) {
        item(s, d);
      }
      s.append("</ul>");
    }
    s.append("</main>\n").append(SCRIPT_TAG).append("\n</body></html>\n");
    return s.toString();
  }

  /** A whole page for when no build has worked yet, so there is nothing else to show. */
  static String errorPage(BuildState state) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>opsbook: build failed</title></head>\n"
        + "<body><main><h1>The site did not build</h1><p>Fix the problems below and save; this page reloads by itself.</p>"
        + "</main>\n" + overlay(state, null) + problemsList(state) + SCRIPT_TAG + "\n</body></html>\n";
  }

  /** With no site to show, the problems are the page: listed in full below the overlay's count. */
  private static String problemsList(BuildState state) {
    StringBuilder s = new StringBuilder("<ul>");
    for (Diagnostic d : state.diagnostics()) {
      item(s, d);
    }
    return s.append("</ul>\n").toString();
  }

  static String summary(List<Diagnostic> diagnostics) {
    return summary(Findings.Counts.of(diagnostics));
  }

  private static String summary(Findings.Counts counts) {
    long errors = counts.errors();
    long warnings = counts.warnings();
    long notes = counts.notes();
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

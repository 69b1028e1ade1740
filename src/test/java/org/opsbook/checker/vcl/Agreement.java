package org.opsbook.checker.vcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Snippet;
import org.opsbook.checker.vcl.syntax.VclParser;
import org.opsbook.diag.Diagnostic;

/**
 * Compares opsbook's verdict on VCL texts with varnishd -C's and keeps the tally: verdicts that
 * agree, and for refused texts whether the line VCC names is the line of one of opsbook's errors
 * (and of its first). A text without a vcl line that opsbook reads behind its two added lines goes
 * to varnishd behind the same lines, and VCC's line is shifted back.
 */
final class Agreement {
  static final String WRAPPER = "vcl 4.1;\nbackend default none;\n";

  private final VclChecker checker = new VclChecker();
  int texts;
  int verdicts;
  int refused;
  int lineAmong;
  int lineFirst;
  /** Refused texts where opsbook reports an error before the one VCC stops at. */
  final List<String> notFirst = new ArrayList<>();

  /** varnishd's verdicts on the texts, two compilations at a time (one per scratch folder). */
  static List<RealVarnish.Verdict> verdicts(List<RealVarnish> varnishes, List<String> texts, List<Boolean> withGcc)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(varnishes.size());
    try {
      BlockingQueue<RealVarnish> free = new LinkedBlockingQueue<>(varnishes);
      List<Future<RealVarnish.Verdict>> futures = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        String text = texts.get(i);
        boolean gcc = withGcc.get(i);
        futures.add(pool.submit(() -> {
          RealVarnish v = free.take();
          try {
            return v.compile(VclParser.readsBehindWrapper(text, false) ? WRAPPER + text : text, gcc);
          } finally {
            free.put(v);
          }
        }));
      }
      List<RealVarnish.Verdict> out = new ArrayList<>();
      for (Future<RealVarnish.Verdict> f : futures) {
        out.add(f.get(10, TimeUnit.MINUTES));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Adds one text to the tally; returns what disagrees, or {@code null}. */
  String compare(String name, String text, RealVarnish.Verdict theirs) {
    texts++;
    List<Diagnostic> found = checker.check(Snippet.ofFile("vcl", text, name), CheckContext.empty());
    boolean ours = found.stream().anyMatch(Diagnostic::isError);
    int line = theirs.line() < 0 ? -1 : theirs.line() - (VclParser.readsBehindWrapper(text, false) ? 2 : 0);
    TreeSet<Integer> ourLines = new TreeSet<>();
    found.stream().filter(Diagnostic::isError).forEach(d -> ourLines.add(d.where().line()));
    if (ours != theirs.refused()) {
      return name + ": opsbook " + (ours ? "refuses " + summary(found) : "accepts it") + ", varnishd -C "
          + (theirs.refused() ? "refuses it: " + oneLine(theirs.message()) : "accepts it");
    }
    verdicts++;
    if (!theirs.refused()) {
      return null;
    }
    refused++;
    boolean noLine = line < 0 || "<builtin>".equals(theirs.source());
    if (noLine || (!ourLines.isEmpty() && ourLines.first() == line)) {
      lineFirst++;
    } else {
      notFirst.add(name + ": VCC line " + line + " (" + oneLine(theirs.message()) + "), opsbook " + summary(found));
    }
    if (noLine || ourLines.contains(line)) {
      lineAmong++;
      return null;
    }
    return name + ": VCC reports line " + line + " (" + oneLine(theirs.message()) + "), opsbook " + summary(found);
  }

  String report(String what) {
    return String.format(Locale.ROOT, "%s: verdict agreement %d/%d; varnishd refuses %d, its error line is one of"
        + " opsbook's errors in %d/%d, opsbook's first error in %d/%d", what, verdicts, texts, refused, lineAmong,
        refused, lineFirst, refused);
  }

  private static String summary(List<Diagnostic> found) {
    return found.stream().filter(Diagnostic::isError).map(d -> d.where().line() + ":" + d.rule()).toList().toString();
  }

  static String oneLine(String s) {
    String[] lines = s.strip().split("\n");
    return lines.length == 0 ? "" : lines[0];
  }
}

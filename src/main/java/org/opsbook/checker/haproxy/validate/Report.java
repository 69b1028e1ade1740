package org.opsbook.checker.haproxy.validate;

import org.opsbook.check.Findings;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.haproxy.model.Line;

/**
 * Reports findings in HAProxy's own words: {@code parsing [FILE:LINE] : message} for what it finds
 * while reading a line, the bare message for what it finds afterwards. Lines of the checker's own
 * wrapper (file below 0) are never reported. One instance per check; not thread-safe.
 */
public final class Report {
  private final Findings findings;
  private final String fileName;

  public Report(Findings findings, String fileName) {
    this.findings = findings;
    this.fileName = fileName;
  }

  public String fileName() {
    return fileName;
  }

  /** A finding about word {@code word} of {@code line}, prefixed as HAProxy prefixes parse messages. */
  public void parsing(RuleInfo rule, Line line, int word, String message) {
    parsing(rule, line, word, message, null);
  }

  public void parsing(RuleInfo rule, Line line, int word, String message, String hint) {
    if (line.file() < 0) {
      return;
    }
    findings.report(rule, line.number(), line.column(word), "parsing [" + fileName + ":" + line.number() + "] : "
        + message, hint);
  }

  /** A finding HAProxy reports without a line of its own (after reading), placed at {@code line}. */
  public void after(RuleInfo rule, Line line, int word, String message, String hint) {
    if (line.file() < 0) {
      return;
    }
    findings.report(rule, line.number(), line.column(word), message, hint);
  }

  /** A finding at a line and column the reader gives, already in HAProxy's words. */
  public void at(RuleInfo rule, int line, int column, String message) {
    findings.report(rule, line, column, "parsing [" + fileName + ":" + line + "] : " + message);
  }

  public boolean hasErrors() {
    return findings.hasErrors();
  }

  public Findings findings() {
    return findings;
  }
}

package org.opsbook.checker.sshd.syntax;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.Findings;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.sshd.model.ConfigFile;
import org.opsbook.checker.sshd.model.Placement;
import org.opsbook.diag.Severity;

/**
 * The parser's findings for the file being read, placed through {@link Placement}: a line of a
 * file checked on its own is left to that check, unless the finding comes of reading the files
 * together. Errors are counted per line either way, so a refused line never enters the model, and
 * errors left to another check are remembered so tests know sshd would not start. One per parse.
 */
final class LineReports {
  private final Findings findings;
  private final List<ConfigFile> files;
  private final List<String> refusedElsewhere = new ArrayList<>();
  private int file;
  private int errorsOnLine;

  LineReports(Findings findings, List<ConfigFile> files) {
    this.findings = findings;
    this.files = files;
  }

  /** Reports from now on concern the file at this index. */
  void inFile(int index) {
    file = index;
  }

  int file() {
    return file;
  }

  void startLine() {
    errorsOnLine = 0;
  }

  boolean lineHasErrors() {
    return errorsOnLine > 0;
  }

  /** A finding about this line alone. */
  void report(int line, int column, RuleInfo rule, String message, String hint) {
    place(line, column, rule, message, hint, false);
  }

  /** A finding that exists only because this file is read where an {@code Include} put it. */
  void reportCombined(int line, int column, RuleInfo rule, String message, String hint) {
    place(line, column, rule, message, hint, true);
  }

  List<String> refusedElsewhere() {
    return List.copyOf(refusedElsewhere);
  }

  private void place(int line, int column, RuleInfo rule, String message, String hint, boolean combined) {
    boolean error = rule.severity() == Severity.ERROR;
    if (error) {
      errorsOnLine++;
    }
    Placement.of(files, file, line, column, combined).ifPresentOrElse(
        p -> findings.reportAt(rule, p.where(), p.prefix() + message, hint),
        () -> {
          if (error) {
            refusedElsewhere.add(files.get(file).path() + " line " + line + ": " + message);
          }
        });
  }
}

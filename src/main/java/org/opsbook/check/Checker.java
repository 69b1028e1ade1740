package org.opsbook.check;

import java.util.List;
import org.opsbook.diag.Diagnostic;

/**
 * Checks snippets of one configuration language family. Implementations are stateless and
 * thread-safe: one instance serves every snippet of a build, from several threads at once, so any
 * per-run state lives in locals or in the {@link CheckContext}.
 *
 * <p>Positions in returned diagnostics are in the Markdown file the author edits; use {@link
 * Snippet#at(int, int)} to turn a snippet line and column into one.
 */
public interface Checker {

  /** The prefix of this checker's rule IDs, such as {@code sshd}. Lower case, no dots. */
  String id();

  /**
   * Fence info strings this checker claims, canonical name first, then aliases. Matching is
   * case-sensitive and exact; two checkers may not claim the same language.
   */
  List<String> languages();

  /**
   * The program and release whose behaviour this checker reproduces by default, such as {@code
   * OpenSSH 9.2}, for {@code opsbook --version}; empty when it models no one program.
   */
  default String reference() {
    return "";
  }

  /** Every rule this checker can report, in a stable order; used for docs and {@code explain}. */
  List<RuleInfo> rules();

  /**
   * Checks one snippet. Whole-file rules (see {@link RuleInfo#wholeFile()}) are filtered by the
   * caller for fragments, but a checker may also skip the work when {@link Snippet#isFragment()}.
   *
   * @return diagnostics in any order; never {@code null}
   */
  List<Diagnostic> check(Snippet snippet, CheckContext context);

  /**
   * The settings this checker takes from {@code opsbook.yaml} under {@code checkers.<id>}. The
   * configuration is validated against them once; {@link CheckContext#options()} then holds only
   * declared keys with acceptable values.
   */
  default List<CheckerOption> options() {
    return List.of();
  }

  /**
   * Runs the cases of a {@code test} block against the snippet it names with {@code for=}. The
   * pipeline has read the block with the grammar all checkers share ({@code QUESTION =>
   * EXPECTED}); the checker answers each question and compares. A question it cannot read is
   * returned as an {@code opsbook.test-syntax} diagnostic in the report, positioned at the case.
   */
  default TestReport runTests(Snippet subject, TestBlock tests, CheckContext context) {
    return TestReport.unsupported(id(), tests.block());
  }

  /**
   * Asks the executable model a question about a snippet, as {@code opsbook query} does: an
   * {@code sshd -T -C} connection spec, a packet, a header to look up.
   */
  default QueryResult query(Snippet subject, String query, CheckContext context) {
    return QueryResult.unsupported(id(), subject);
  }

  /**
   * Splits snippet text into highlighted tokens for the site. Tokens are in order and do not
   * overlap; text between tokens is rendered plain. The default highlights nothing.
   */
  default List<HighlightToken> highlight(String text, String language) {
    return List.of();
  }
}

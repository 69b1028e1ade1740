package org.opsbook.markdown;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;

/**
 * Everything needed to render one snippet.
 *
 * @param snippet the snippet
 * @param anchor the HTML id of its figure
 * @param tokens highlighted ranges from the checker's lexer, in order
 * @param state the badge's state: {@code ok}, {@code warn}, {@code error}, {@code expected},
 *     {@code unchecked}, {@code test-pass}, {@code test-fail}
 * @param badge the badge text, such as {@code sshd_config · checked · 3 tests passed}
 * @param downloadHref where the exact text can be downloaded, or {@code null}
 * @param downloadName the file name offered for the download
 * @param copyText what the copy button copies when it differs from the text shown, or {@code null}
 * @param lineDiagnostics diagnostics to show under their line (1-based snippet line)
 * @param lineMarks for test blocks: whether the case on a line passed
 */
public record SnippetView(
    Snippet snippet,
    String anchor,
    List<HighlightToken> tokens,
    String state,
    String badge,
    String downloadHref,
    String downloadName,
    String copyText,
    SortedMap<Integer, List<Diagnostic>> lineDiagnostics,
    SortedMap<Integer, Boolean> lineMarks) {

  public SnippetView {
    Objects.requireNonNull(snippet);
    Objects.requireNonNull(anchor);
    Objects.requireNonNull(state);
    Objects.requireNonNull(badge);
    tokens = List.copyOf(tokens);
    lineDiagnostics = new TreeMap<>(lineDiagnostics);
    lineMarks = new TreeMap<>(lineMarks);
  }

  public static SortedMap<Integer, Boolean> noMarks() {
    return new TreeMap<>(Map.of());
  }
}

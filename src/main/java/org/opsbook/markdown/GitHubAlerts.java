package org.opsbook.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns block quotes that start with a GitHub alert marker into {@link GitHubAlertBlock}s. As on
 * GitHub, the marker stands alone on the quote's first line, in any case; a quote whose first line
 * says more is left a quote.
 */
final class GitHubAlerts {
  // GitHub's documented set: NOTE, TIP, IMPORTANT, WARNING, CAUTION.
  private static final Pattern MARKER = Pattern.compile("\\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\\]\\s*",
      Pattern.CASE_INSENSITIVE);

  private GitHubAlerts() {}

  /** Replaces the quote with an alert when its first line is a marker. */
  static void convert(BlockQuote quote) {
    if (!(quote.getFirstChild() instanceof Paragraph first)) {
      return;
    }
    BasedSequence chars = first.getChars();
    int eol = chars.indexOf('\n');
    BasedSequence line = eol < 0 ? chars : chars.subSequence(0, eol);
    Matcher m = MARKER.matcher(line);
    if (!m.matches()) {
      return;
    }
    int lineEnd = first.getStartOffset() + line.length();
    Node child = first.getFirstChild();
    while (child != null && child.getStartOffset() <= lineEnd) {
      Node next = child.getNext();
      child.unlink();
      if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
        break;
      }
      child = next;
    }
    if (!first.hasChildren()) {
      first.unlink();
    }
    GitHubAlertBlock alert = new GitHubAlertBlock(quote.getChars(), m.group(1).toLowerCase(Locale.ROOT));
    alert.takeChildren(quote);
    quote.insertBefore(alert);
    quote.unlink();
  }
}

package org.opsbook.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * A GitHub alert: a block quote whose first line is {@code [!NOTE]}, {@code [!TIP]}, {@code
 * [!IMPORTANT]}, {@code [!WARNING]} or {@code [!CAUTION]}. Its children are the quote's content
 * without that line.
 */
final class GitHubAlertBlock extends Block {
  private final String kind;

  GitHubAlertBlock(BasedSequence chars, String kind) {
    super(chars);
    this.kind = kind;
  }

  /** The alert's kind in lower case: {@code note}, {@code tip}, {@code important}, {@code warning}, {@code caution}. */
  String kind() {
    return kind;
  }

  @Override
  public BasedSequence[] getSegments() {
    return EMPTY_SEGMENTS;
  }
}

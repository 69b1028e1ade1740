package org.opsbook.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * GitHub-style autolinks (bare {@code https://...}, {@code www.} and e-mail addresses) with
 * flexmark's own post-processor, which is handed only the text nodes that could hold one.
 *
 * <p>That post-processor runs a link scanner and a regular expression over every text node of
 * every document; on the benchmark corpus this was a seventh of all build time, although most
 * text has no link. autolink-java finds a URL only at a {@code :}, an e-mail only at an
 * {@code @} and a bare host only after {@code www.}; a character reference ({@code &#64;},
 * {@code &colon;}) can produce either once unescaped, so text with an {@code &} is handed over
 * too. Text without any of these gets no link from the processor, so skipping it changes
 * nothing in the output.
 */
final class GuardedAutolinkExtension implements Parser.ParserExtension {
  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.postProcessorFactory(new Factory());
  }

  static boolean mayHoldLink(BasedSequence chars) {
    for (int i = 0, n = chars.length(); i < n; i++) {
      char c = chars.charAt(i);
      if (c == ':' || c == '@' || c == '&') {
        return true;
      }
      if ((c == 'w' || c == 'W') && i + 2 < n && (chars.charAt(i + 1) | 0x20) == 'w' && (chars.charAt(i + 2) | 0x20) == 'w') {
        return true;
      }
    }
    return false;
  }

  private static final class Guarded extends NodePostProcessor {
    private final AutolinkNodePostProcessor delegate;

    Guarded(Document document) {
      this.delegate = new AutolinkNodePostProcessor(document);
    }

    @Override
    public void process(NodeTracker state, Node node) {
      if (mayHoldLink(node.getChars())) {
        delegate.process(state, node);
      }
    }
  }

  private static final class Factory extends NodePostProcessorFactory {
    Factory() {
      super(false);
      addNodes(Text.class);
    }

    @Override
    public NodePostProcessor apply(Document document) {
      return new Guarded(document);
    }
  }
}

package org.opsbook.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * What the pipeline does to a document once flexmark has parsed it: GitHub alerts, then links for
 * bare URLs (flexmark's AutolinkExtension, with the text it looks at bounded; see {@link
 * BareUrlLinks}).
 *
 * <p>These were flexmark post-processors. For those, flexmark first files every node of the
 * document by class, which cost more than the work itself; one walk that picks out block quotes
 * and text does the same. Nothing else post-processes, so nothing needs to hear of the nodes that
 * change.
 */
final class AfterParse {
  /** The tracker handed to flexmark's autolinker: no other post-processor follows it. */
  static final NodeTracker NO_TRACKING = new NodeTracker() {
    @Override
    public void nodeAdded(Node node) {}

    @Override
    public void nodeAddedWithChildren(Node node) {}

    @Override
    public void nodeAddedWithDescendants(Node node) {}

    @Override
    public void nodeRemoved(Node node) {}

    @Override
    public void nodeRemovedWithChildren(Node node) {}

    @Override
    public void nodeRemovedWithDescendants(Node node) {}
  };

  private AfterParse() {}

  static void run(Document document) {
    List<BlockQuote> quotes = new ArrayList<>();
    List<Text> texts = new ArrayList<>();
    // Without recursion: a document can nest deeper than the stack.
    ArrayDeque<Node> pending = new ArrayDeque<>();
    pending.push(document);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (node instanceof BlockQuote quote) {
        quotes.add(quote);
      } else if (node instanceof Text text) {
        texts.add(text);
      }
      for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
        pending.push(child);
      }
    }
    // As flexmark ran them: alerts first, each kind over the nodes as they were after parsing.
    quotes.forEach(GitHubAlerts::convert);
    BareUrlLinks links = new BareUrlLinks(document);
    for (Text text : texts) {
      // An alert drops the text of its marker line; that text has no URL in it.
      if (text.getParent() != null) {
        links.link(text);
      }
    }
  }
}

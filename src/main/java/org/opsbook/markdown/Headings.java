package org.opsbook.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/** Gives every heading a stable id (text plus a counter for repeats) and lists them. */
public final class Headings {
  private Headings() {}

  public static List<TocEntry> collect(Document document) {
    new HeaderIdGenerator.Factory().create().generateIds(document);
    List<TocEntry> out = new ArrayList<>();
    visit(document, out);
    return out;
  }

  private static void visit(Node parent, List<TocEntry> out) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h) {
        out.add(new TocEntry(h.getLevel(), PlainText.of(h).strip(), h.getAnchorRefId()));
      } else if (n.hasChildren()) {
        visit(n, out);
      }
    }
  }
}

package org.opsbook.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;

/**
 * The reader-visible text of a node: its text and inline code, without markup. Written here
 * because flexmark's own text collector trips an internal assertion on some documents.
 */
public final class PlainText {
  private PlainText() {}

  static String of(Node node) {
    StringBuilder out = new StringBuilder();
    collect(node, out);
    return out.toString();
  }

  /**
   * Counts whitespace-separated words in Markdown source, for reading time: markup counts as
   * part of the word it touches, which is close enough and far cheaper than walking the tree.
   */
  public static int words(String markdown) {
    int count = 0;
    boolean in = false;
    for (int i = 0, n = markdown.length(); i < n; i++) {
      char c = markdown.charAt(i);
      boolean word = c != ' ' && c != '\n' && c != '\t' && c != '\r';
      if (word && !in) {
        count++;
      }
      in = word;
    }
    return count;
  }

  private static void collect(Node node, StringBuilder out) {
    for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text || n instanceof Code) {
        out.append(n instanceof Code c ? c.getText() : n.getChars());
      } else {
        collect(n, out);
      }
    }
  }
}

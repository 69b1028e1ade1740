package org.opsbook.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;

/**
 * The reader-visible text of a node: its text and inline code, without markup. Written here
 * because flexmark's own text collector trips an internal assertion on some documents.
 */
public final class PlainText {
  private PlainText() {}

  public static String of(Node node) {
    StringBuilder out = new StringBuilder();
    collect(node, out);
    return out.toString();
  }

  /** Counts whitespace-separated words in prose, inline code and code blocks. */
  public static int words(Node document) {
    int[] count = {0};
    countWords(document, count);
    return count[0];
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

  private static void countWords(Node node, int[] count) {
    for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text || n instanceof Code || n instanceof FencedCodeBlock) {
        CharSequence s = n instanceof FencedCodeBlock f ? f.getContentChars() : n.getChars();
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
          boolean word = !Character.isWhitespace(s.charAt(i));
          if (word && !in) {
            count[0]++;
          }
          in = word;
        }
      } else {
        countWords(n, count);
      }
    }
  }
}

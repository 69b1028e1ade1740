package org.opsbook.markdown;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the HTML of a document made of the nodes nearly every article is made of (paragraphs,
 * text, headings, inline code, links, emphasis, lists, tables and checked snippets) straight into
 * a string, byte for byte as {@link MarkdownPipeline}'s flexmark renderer writes it, and gives up
 * on any other document, which flexmark's renderer then writes.
 *
 * <p>Why: flexmark's writer examines every character it is given through several calls, to track
 * lines and indentation that these nodes never use, and sets up some forty renderers for every
 * document. That was a seventh of a large build's processor time.
 *
 * <p>What the writer does that shows in these nodes' HTML is kept, in {@link Lines}: a line is
 * ended only when it holds something, and spaces at the start of a line are dropped. Where the
 * writer would make a line of white space only, which it may drop later, this gives up too.
 * DirectHtmlTest and MarkdownPipelineTest compare the two on random documents.
 */
final class DirectHtml {
  /** Given up on: the document holds something only flexmark's renderer writes. */
  static final class NotDirect extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotDirect() {
      super(null, null, false, false);
    }
  }

  private static final NotDirect NOT_DIRECT = new NotDirect();

  private final ListOptions listOptions;
  private final String tableOpen;
  private final boolean columnSpans;
  private final Pattern suppressedLinks;

  /** @param options the renderer's options, which say how lists, tables and links are written */
  DirectHtml(DataHolder options) {
    this.listOptions = ListOptions.get(options);
    String className = TablesExtension.CLASS_NAME.get(options);
    this.tableOpen = className.isEmpty() ? "<table>" : "<table class=\"" + Escaping.escapeHtml(className, true) + "\">";
    this.columnSpans = TablesExtension.COLUMN_SPANS.get(options);
    // The links flexmark writes as their text alone (javascript: ones), as its renderer compiles them.
    String suppressed = HtmlRenderer.SUPPRESSED_LINKS.get(options);
    this.suppressedLinks = suppressed.isEmpty() ? null : Pattern.compile(suppressed);
  }

  /**
   * The document's HTML, or null when it holds a node this does not write.
   *
   * @param snippets the checked HTML of each fenced block that has it
   * @param linkRewrites link targets as written to what they become
   */
  String render(Document document, Map<Node, String> snippets, Map<String, String> linkRewrites) {
    Lines out = new Lines(new StringBuilder(Math.max(16, document.getTextLength() * 3 / 2)));
    try {
      children(document, out, snippets, linkRewrites);
    } catch (NotDirect e) {
      return null;
    }
    return out.html.toString();
  }

  private void children(Node parent, Lines out, Map<Node, String> snippets, Map<String, String> rewrites) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
      node(child, out, snippets, rewrites);
    }
  }

  private void node(Node node, Lines out, Map<Node, String> snippets, Map<String, String> rewrites) {
    Class<?> type = node.getClass();
    if (type == Text.class) {
      out.text(MarkdownPipeline.escapedText((Text) node));
    } else if (type == SoftLineBreak.class) {
      out.text("\n");
    } else if (type == Paragraph.class) {
      paragraph((Paragraph) node, out, snippets, rewrites);
    } else if (type == Code.class) {
      out.text(MarkdownExtras.codeHtml((Code) node));
    } else if (type == Link.class) {
      link((Link) node, out, snippets, rewrites);
    } else if (type == Heading.class) {
      Heading heading = (Heading) node;
      String id = heading.getAnchorRefId();
      out.line();
      out.text(MarkdownExtras.headingOpen(heading, id));
      children(heading, out, snippets, rewrites);
      if (id != null && !id.isEmpty()) {
        out.text(MarkdownExtras.anchor(heading, id));
      }
      out.text("</h" + heading.getLevel() + ">");
      out.line();
    } else if (type == FencedCodeBlock.class) {
      String html = snippets.get(node);
      if (html == null || html.isEmpty()) {
        throw NOT_DIRECT;
      }
      out.line();
      out.piece(html);
      out.line();
    } else if (type == Emphasis.class) {
      inline("<em>", "</em>", node, out, snippets, rewrites);
    } else if (type == StrongEmphasis.class) {
      inline("<strong>", "</strong>", node, out, snippets, rewrites);
    } else if (type == BulletList.class) {
      block("<ul>", "</ul>", node, out, snippets, rewrites);
    } else if (type == OrderedList.class) {
      block(orderedListOpen((OrderedList) node), "</ol>", node, out, snippets, rewrites);
    } else if (type == BulletListItem.class || type == OrderedListItem.class) {
      if (((ListItem) node).getMarkerSuffix().isNotEmpty()) {
        throw NOT_DIRECT;
      }
      out.line();
      inline("<li>", "</li>", node, out, snippets, rewrites);
      out.line();
    } else if (type == TableBlock.class) {
      block(tableOpen, "</table>", node, out, snippets, rewrites);
    } else if (type == TableHead.class) {
      lines("thead", node, out, snippets, rewrites);
    } else if (type == TableBody.class) {
      lines("tbody", node, out, snippets, rewrites);
    } else if (type == TableRow.class) {
      lines("tr", node, out, snippets, rewrites);
    } else if (type == TableCaption.class) {
      lines("caption", node, out, snippets, rewrites);
    } else if (type == TableCell.class) {
      TableCell cell = (TableCell) node;
      inline(cellOpen(cell), cell.isHeader() ? "</th>" : "</td>", node, out, snippets, rewrites);
    } else if (type != TableSeparator.class) {
      throw NOT_DIRECT;
    }
  }

  /** flexmark writes the number an ordered list starts at, unless that is 1. */
  private String orderedListOpen(OrderedList node) {
    int start = node.getStartNumber();
    return listOptions.isOrderedListManualStart() && start != 1 ? "<ol start=\"" + start + "\">" : "<ol>";
  }

  /** As flexmark's table extension writes a cell's tag: its alignment, then its span. */
  private String cellOpen(TableCell node) {
    StringBuilder open = new StringBuilder(32).append(node.isHeader() ? "<th" : "<td");
    if (node.getAlignment() != null) {
      open.append(" align=\"").append(switch (node.getAlignment()) {
        case LEFT -> "left";
        case CENTER -> "center";
        case RIGHT -> "right";
      }).append('"');
    }
    if (columnSpans && node.getSpan() > 1) {
      open.append(" colspan=\"").append(node.getSpan()).append('"');
    }
    return open.append('>').toString();
  }

  /** As flexmark writes a paragraph: its tag on lines of its own, or none in a tight list item. */
  private void paragraph(Paragraph node, Lines out, Map<Node, String> snippets, Map<String, String> rewrites) {
    Node parent = node.getParent();
    Class<?> parentType = parent.getClass();
    boolean listItem = parentType == BulletListItem.class || parentType == OrderedListItem.class;
    if (!listItem && !(parent instanceof Document)) {
      throw NOT_DIRECT;
    }
    if (node.getFirstChildAnyNot(NonRenderingInline.class) == null) {
      return; // flexmark writes nothing for a paragraph of nothing
    }
    if (listItem && listOptions.isInTightListItem(node)) {
      children(node, out, snippets, rewrites);
      return;
    }
    out.line();
    inline("<p>", "</p>", node, out, snippets, rewrites);
    out.line();
  }

  /** As flexmark's link: href, then title, escaped as attributes; children alone for a suppressed link. */
  private void link(Link node, Lines out, Map<Node, String> snippets, Map<String, String> rewrites) {
    if (suppressedLinks != null && suppressedLinks.matcher(node.getUrl()).matches()) {
      children(node, out, snippets, rewrites);
      return;
    }
    String url = node.getUrl().unescape();
    String target = MarkdownPipeline.linkTarget(url, rewrites);
    StringBuilder open = new StringBuilder("<a href=\"").append(Escaping.escapeHtml(target == null ? url : target, true));
    if (node.getTitle().isNotNull()) {
      open.append("\" title=\"").append(Escaping.escapeHtml(node.getTitle().unescape(), true));
    }
    inline(open.append("\">").toString(), "</a>", node, out, snippets, rewrites);
  }

  private void inline(String open, String close, Node node, Lines out, Map<Node, String> snippets,
      Map<String, String> rewrites) {
    out.text(open);
    children(node, out, snippets, rewrites);
    out.text(close);
  }

  /** The writer's {@code tagIndent}: each tag on a line of its own, the children between. */
  private void block(String open, String close, Node node, Lines out, Map<Node, String> snippets,
      Map<String, String> rewrites) {
    out.line();
    out.text(open);
    out.line();
    children(node, out, snippets, rewrites);
    out.line();
    out.text(close);
    out.line();
  }

  /** The writer's {@code tagLine}: the element starts and ends a line. */
  private void lines(String tag, Node node, Lines out, Map<Node, String> snippets, Map<String, String> rewrites) {
    out.line();
    inline("<" + tag + ">", "</" + tag + ">", node, out, snippets, rewrites);
    out.line();
  }

  /**
   * What flexmark's writer does with the text it is given, as far as these nodes show it. A space
   * at the start of a line is dropped until something other than white space comes (a tab is kept
   * and does not end the dropping); a line end ends a line; {@link #line()} ends the line only if
   * it holds something. A line of white space only makes this give up.
   */
  static final class Lines {
    final StringBuilder html;
    /** Characters on the current line, as the writer counts them. */
    private int length;
    /** Whether the current line holds nothing but tabs. */
    private boolean blank = true;

    Lines(StringBuilder html) {
      this.html = html;
    }

    void line() {
      if (length > 0) {
        endLine();
      }
    }

    /** HTML the writer never sees (it had a placeholder): it fills the rest of the line. */
    void piece(String text) {
      html.append(text);
      length += text.length();
      blank = false;
    }

    void text(String text) {
      if (!blank && text.indexOf('\n') < 0) {
        html.append(text);
        length += text.length();
        return;
      }
      for (int i = 0, n = text.length(); i < n; i++) {
        char c = text.charAt(i);
        if (c == '\n') {
          endLine();
        } else if (c == ' ') {
          if (!blank) {
            html.append(c);
            length++;
          }
        } else {
          html.append(c);
          length++;
          if (c != '\t') {
            blank = false;
          }
        }
      }
    }

    private void endLine() {
      if (blank) {
        throw NOT_DIRECT;
      }
      html.append('\n');
      length = 0;
      blank = true;
    }
  }
}

package org.opsbook.markdown;

import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Set;

/**
 * Writes tables as flexmark's table extension writes them, without the writer's tag machinery,
 * which cost more than the cells' text: the table, its head, body, rows and caption each on lines
 * of their own (the indentation flexmark would add is empty, as the indent size is 0), and cells
 * inline with their alignment and span. Nothing here gives table elements other attributes.
 * Holds no state, so one serves every document.
 */
final class TableHtml implements NodeRenderer {
  private final String tableTag;
  private final boolean columnSpans;

  TableHtml(DataHolder options) {
    String className = TablesExtension.CLASS_NAME.get(options);
    this.tableTag = className.isEmpty() ? "<table>" : "<table class=\"" + Escaping.escapeHtml(className, true) + "\">";
    this.columnSpans = TablesExtension.COLUMN_SPANS.get(options);
  }

  @Override
  public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
    return Set.of(
        new NodeRenderingHandler<>(TableBlock.class, this::render),
        new NodeRenderingHandler<>(TableHead.class, (node, context, html) -> lines("thead", node, context, html)),
        new NodeRenderingHandler<>(TableSeparator.class, (node, context, html) -> {}),
        new NodeRenderingHandler<>(TableBody.class, (node, context, html) -> lines("tbody", node, context, html)),
        new NodeRenderingHandler<>(TableRow.class, (node, context, html) -> lines("tr", node, context, html)),
        new NodeRenderingHandler<>(TableCaption.class, (node, context, html) -> lines("caption", node, context, html)),
        new NodeRenderingHandler<>(TableCell.class, this::render));
  }

  private void render(TableBlock node, NodeRendererContext context, HtmlWriter html) {
    html.line();
    html.raw(tableTag);
    html.line();
    context.renderChildren(node);
    html.line();
    html.raw("</table>");
    html.line();
  }

  /** An element on lines of its own: the writer's {@code tagLine}. */
  private static void lines(String tag, Node node, NodeRendererContext context, HtmlWriter html) {
    html.line();
    html.raw("<" + tag + ">");
    context.renderChildren(node);
    html.raw("</" + tag + ">");
    html.line();
  }

  private void render(TableCell node, NodeRendererContext context, HtmlWriter html) {
    html.raw(cellOpen(node));
    context.renderChildren(node);
    html.raw(node.isHeader() ? "</th>" : "</td>");
  }

  /** The table's opening tag, with its class. */
  String tableOpen() {
    return tableTag;
  }

  /** A cell's opening tag, with its alignment and span. */
  String cellOpen(TableCell node) {
    StringBuilder open = new StringBuilder(32).append(node.isHeader() ? "<th" : "<td");
    if (node.getAlignment() != null) {
      open.append(" align=\"").append(align(node.getAlignment())).append('"');
    }
    if (columnSpans && node.getSpan() > 1) {
      open.append(" colspan=\"").append(node.getSpan()).append('"');
    }
    return open.append('>').toString();
  }

  private static String align(TableCell.Alignment alignment) {
    return switch (alignment) {
      case LEFT -> "left";
      case CENTER -> "center";
      case RIGHT -> "right";
    };
  }
}

package org.opsbook.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.opsbook.check.CoreRules;
import org.opsbook.diag.Diagnostic;

/**
 * The hostile-input checks of a parsed Markdown document: parser limits reached ({@link
 * ParseLimits}), {@code javascript:}, {@code vbscript:} and {@code data:} URLs in links, images,
 * autolinks, reference definitions and raw HTML, images and other resources fetched from another
 * host, and raw HTML under {@code markdown.raw_html: error}. The renderer of {@link
 * MarkdownPipeline} keeps forbidden URLs off the page whether or not this ran; this says where
 * they are, and tells the renderer the document's raw-HTML setting.
 */
public final class MarkdownSafety {
  /** Per document: what to do with raw HTML while rendering. */
  static final DataKey<RawHtml> RAW_HTML = new DataKey<>("OPSBOOK_RAW_HTML", RawHtml.ALLOW);

  private MarkdownSafety() {}

  /** Checks {@code document}, and sets how its raw HTML is rendered. */
  public static List<Diagnostic> check(Document document, LineMap lines, RawHtml rawHtml) {
    document.set(RAW_HTML, rawHtml);
    List<Diagnostic> out = new ArrayList<>(ParseLimits.diagnostics(document, lines));
    Deque<Node> stack = new ArrayDeque<>();
    stack.push(document);
    while (!stack.isEmpty()) {
      Node node = stack.pop();
      for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
        stack.push(child);
      }
      if (node instanceof Image image) {
        checkUrl(image.getUrl(), image, true, lines, out);
      } else if (node instanceof ImageRef ref) {
        Reference target = ref.getReferenceNode(document);
        if (target != null) {
          checkExternalImage(target.getUrl().unescape(), ref.getStartOffset(), lines, out);
        }
      } else if (node instanceof Link link) {
        checkUrl(link.getUrl(), link, false, lines, out);
      } else if (node instanceof Reference ref) {
        checkUrl(ref.getUrl(), ref, false, lines, out);
      } else if (node instanceof AutoLink link) {
        checkUrl(link.getUrl(), link, false, lines, out);
      } else if (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase) {
        checkHtml(node, rawHtml, lines, out);
      }
    }
    return out;
  }

  /** Whether the renderer must show this raw HTML as text rather than pass it through. */
  static boolean mustEscape(Node html, RawHtml rawHtml) {
    String text = html.getChars().toString();
    if (RawHtmlScan.isOnlyComment(text)) {
      return false;
    }
    if (rawHtml != RawHtml.ALLOW) {
      return true;
    }
    // Cheap test first: a forbidden URL needs a colon, written or as a character reference.
    return (text.indexOf(':') >= 0 || text.indexOf('&') >= 0)
        && RawHtmlScan.scan(text).stream().anyMatch(RawHtmlScan.Finding::forbidden);
  }

  private static void checkUrl(BasedSequence url, Node node, boolean image, LineMap lines, List<Diagnostic> out) {
    String href = url.unescape();
    int at = url.isNull() || url.isEmpty() ? node.getStartOffset() : url.getStartOffset();
    UrlSafety.forbiddenScheme(href).ifPresentOrElse(
        scheme -> out.add(CoreRules.diagnostic(CoreRules.UNSAFE_URL, lines.at(at),
            (image ? "image" : "link") + " with a " + scheme + ": URL; it is removed from the page",
            scheme.equals("data") && image
                ? "put the image in a file beside the article and link it by name"
                : "link to a page or file instead; a " + scheme + ": URL would run in the reader's browser")),
        () -> {
          if (image) {
            checkExternalImage(href, at, lines, out);
          }
        });
  }

  private static void checkExternalImage(String href, int at, LineMap lines, List<Diagnostic> out) {
    if (UrlSafety.isExternal(href)) {
      out.add(CoreRules.diagnostic(CoreRules.EXTERNAL_RESOURCE, lines.at(at),
          "image '" + href + "' would be loaded from another host, and the site makes no external requests",
          "download the image, put it beside the article and link it by file name"));
    }
  }

  private static void checkHtml(Node node, RawHtml rawHtml, LineMap lines, List<Diagnostic> out) {
    String text = node.getChars().toString();
    if (RawHtmlScan.isOnlyComment(text)) {
      return;
    }
    for (RawHtmlScan.Finding f : RawHtmlScan.scan(text)) {
      if (f.forbidden()) {
        out.add(CoreRules.diagnostic(CoreRules.UNSAFE_URL, lines.at(node.getStartOffset()),
            "raw HTML <" + f.tag() + "> has a " + UrlSafety.scheme(f.url()).orElse("?") + ": URL in " + f.attribute()
                + "; the tag is shown as text", "remove the URL; a page of this site runs no inline code"));
      } else {
        out.add(CoreRules.diagnostic(CoreRules.EXTERNAL_RESOURCE, lines.at(node.getStartOffset()),
            "raw HTML <" + f.tag() + "> would load '" + f.url() + "' from another host, and the site makes no"
                + " external requests", "put the file beside the article and refer to it by name"));
      }
    }
    if (rawHtml == RawHtml.ERROR && !text.startsWith("</")) {
      out.add(CoreRules.diagnostic(CoreRules.RAW_HTML, lines.at(node.getStartOffset()),
          "raw HTML is not allowed here (markdown.raw_html: error in opsbook.yaml)",
          "write it in Markdown, or set markdown.raw_html to allow or escape"));
    }
  }
}

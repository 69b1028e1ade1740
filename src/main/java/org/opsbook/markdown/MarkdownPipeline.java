package org.opsbook.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.util.AnchorRefTargetBlockPreVisitor;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.LinkResolverFactory;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All flexmark setup: CommonMark plus tables, strikethrough, task lists, and GitHub alerts and
 * autolinks made after parsing ({@link AfterParse}); heading ids; fenced blocks replaced by the
 * HTML the snippet stage made; relative links rewritten to site URLs. One instance serves every
 * article from several threads: flexmark's parser and renderer are immutable once built, so they
 * are built once and shared.
 *
 * <p>Only this package sees flexmark's types: {@link #parse} hands out a {@link MarkdownDocument}.
 */
public final class MarkdownPipeline {
  /** Per document: the placeholder to emit for each fenced block, keyed by node identity. */
  static final DataKey<Map<Node, String>> SNIPPET_PLACEHOLDERS = new DataKey<>("OPSBOOK_SNIPPET_PLACEHOLDERS", Collections.emptyMap());
  /** Per rendering: the HTML behind each placeholder, by number (see {@link #render}). */
  static final DataKey<List<String>> PLACEHOLDERS = new DataKey<>("OPSBOOK_PLACEHOLDERS", List.of());
  /** Per document: link rewrites from the URL as written to the site URL. */
  static final DataKey<Map<String, String>> LINK_REWRITES = new DataKey<>("OPSBOOK_LINK_REWRITES", Collections.emptyMap());

  private final Parser parser;
  private final HtmlRenderer renderer;
  /** Writes most documents without flexmark's renderer; null in tests that compare the two. */
  private final DirectHtml direct;

  public MarkdownPipeline() {
    this(SHORTEST_TEXT_PLACEHOLDER);
  }

  /**
   * Below this length, text goes to flexmark's writer as it is. A placeholder is at most six
   * characters in a document of fewer than 10,000 pieces, so it is never longer than the text.
   * The writer's cost is mostly per call rather than per character.
   */
  static final int SHORTEST_TEXT_PLACEHOLDER = 6;

  /** @param shortestTextPlaceholder tests vary it to try placeholders on every text, or on none */
  MarkdownPipeline(int shortestTextPlaceholder) {
    this(shortestTextPlaceholder, true);
  }

  /**
   * @param direct whether documents made of common nodes are written by {@link DirectHtml}; tests
   *     turn it off to compare it with flexmark's renderer
   */
  MarkdownPipeline(int shortestTextPlaceholder, boolean direct) {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, List.of(
        TablesExtension.create(), StrikethroughExtension.create(), TaskListExtension.create(), new MarkdownExtras()));
    options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
    options.set(HtmlRenderer.RENDER_HEADER_ID, true);
    options.set(HtmlRenderer.SOFT_BREAK, "\n");
    options.set(TablesExtension.CLASS_NAME, "table");
    // The parser gets the tables extension's one parsing part, its paragraph pre-processor, through TableParagraphs.
    MutableDataSet parserOptions = new MutableDataSet(options).set(Parser.EXTENSIONS, List.of(
        StrikethroughExtension.create(), TaskListExtension.create(), new MarkdownExtras()));
    this.parser = Parser.builder(parserOptions)
        .paragraphPreProcessorFactory(new TableParagraphs())
        .customInlineParserFactory(LinearInlineParser::new)
        // A custom inline parser factory drops flexmark's core reference-definition pre-processor; add it back.
        .paragraphPreProcessorFactory(new ReferencePreProcessorFactory())
        .build();
    this.renderer = HtmlRenderer.builder(options)
        .nodeRendererFactory(unused -> new OpsbookNodeRenderer(shortestTextPlaceholder))
        .nodeRendererFactory(RawHtmlRenderer::new)
        .linkResolverFactory(new RewritingLinkResolver.Factory())
        .htmlIdGeneratorFactory(new AssignedIds())
        .build();
    this.direct = direct ? new DirectHtml(options) : null;
  }

  /**
   * Parses a Markdown body and gives every heading its id (text plus a counter for repeats);
   * never overflows the stack, whatever the input. Limits reached on the way (see {@link
   * ParseLimits}) are recorded in the document.
   *
   * @param file how diagnostics name the file
   * @param firstLine the file line on which {@code body} starts (1-based), below the front matter
   */
  public MarkdownDocument parse(String body, String file, int firstLine) {
    Document document = ParseLimits.parse(parser, body);
    AfterParse.run(document);
    new HeaderIdGenerator.Factory().create().generateIds(document);
    return new MarkdownDocument(this, document, new LineMap(body, file, firstLine));
  }

  /** The direct writer, or null when flexmark's renderer writes every document. */
  DirectHtml direct() {
    return direct;
  }

  /** Renders Markdown that has no snippets to check and no links to rewrite: rule explanations, maintenance pages. */
  public String toHtml(String markdown) {
    return parse(markdown, "", 1).render(List.of(), Map.of());
  }

  String render(Document document, List<FencedCodeBlock> fences, List<String> snippetHtml, Map<String, String> linkRewrites) {
    IdentityHashMap<Node, String> snippets = new IdentityHashMap<>();
    for (int i = 0; i < fences.size() && i < snippetHtml.size(); i++) {
      if (snippetHtml.get(i) != null) {
        snippets.put(fences.get(i), snippetHtml.get(i));
      }
    }
    if (direct != null) {
      String html = direct.render(document, snippets, linkRewrites);
      if (html != null) {
        return html;
      }
    }
    // flexmark's HTML writer examines every character it is given, to track lines. The snippets'
    // highlighted HTML is most of a page, and plain text most of the rest, so the writer gets a
    // short placeholder for each and the HTML goes in afterwards.
    List<String> pieces = new ArrayList<>();
    IdentityHashMap<Node, String> fencePlaceholders = new IdentityHashMap<>();
    for (FencedCodeBlock fence : fences) {
      String html = snippets.get(fence);
      if (html != null) {
        fencePlaceholders.put(fence, placeholder(pieces, html));
      }
    }
    document.set(SNIPPET_PLACEHOLDERS, fencePlaceholders);
    document.set(PLACEHOLDERS, pieces);
    document.set(LINK_REWRITES, linkRewrites);
    String html = renderer.render(document);
    return pieces.isEmpty() ? html : fillPlaceholders(html, pieces);
  }

  // CommonMark replaces U+0000 in the input with U+FFFD, so no text an author writes can forge a placeholder.
  private static final char PLACEHOLDER_EDGE = '\u0000';

  /**
   * The placeholder for {@code html} in this document's rendering, or null when the rendering
   * keeps none: flexmark's own, which tests compare this pipeline's with.
   */
  static String placeholder(Document document, String html) {
    return document.contains(PLACEHOLDERS) ? placeholder(PLACEHOLDERS.get(document), html) : null;
  }

  /** Keeps {@code html} for later and gives the placeholder that stands for it. */
  private static String placeholder(List<String> pieces, String html) {
    pieces.add(html);
    return PLACEHOLDER_EDGE + Integer.toString(pieces.size() - 1) + PLACEHOLDER_EDGE;
  }

  /**
   * Replaces each placeholder with its piece. A U+0000 that does not start a placeholder is left
   * as it is; none should reach the writer, but if one did, the page would show it rather than the
   * build fail.
   */
  static String fillPlaceholders(String html, List<String> pieces) {
    int length = html.length();
    for (String piece : pieces) {
      length += piece.length();
    }
    StringBuilder out = new StringBuilder(length);
    int from = 0;
    int at = html.indexOf(PLACEHOLDER_EDGE);
    while (at >= 0) {
      int end = html.indexOf(PLACEHOLDER_EDGE, at + 1);
      int number = end < 0 ? -1 : pieceNumber(html, at + 1, end);
      if (number < 0 || number >= pieces.size()) {
        at = end;
        continue;
      }
      out.append(html, from, at).append(pieces.get(number));
      from = end + 1;
      at = html.indexOf(PLACEHOLDER_EDGE, from);
    }
    return out.append(html, from, html.length()).toString();
  }

  /** The number written between {@code start} and {@code end}, or -1 when that is not one. */
  private static int pieceNumber(String html, int start, int end) {
    if (end == start || end - start > 9) {
      return -1;
    }
    int number = 0;
    for (int i = start; i < end; i++) {
      char c = html.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }

  /**
   * Heading ids as {@link #parse} assigned them. flexmark's renderer would otherwise walk the
   * tree a second time to compute the same ids again.
   */
  private static final class AssignedIds implements HeaderIdGeneratorFactory {
    @Override
    public HtmlIdGenerator create(LinkResolverContext context) {
      return create();
    }

    @Override
    public HtmlIdGenerator create() {
      HtmlIdGenerator fresh = new HeaderIdGenerator.Factory().create();
      return new HtmlIdGenerator() {
        @Override
        public void generateIds(Document document) {}

        @Override
        public void generateIds(Document document, AnchorRefTargetBlockPreVisitor preVisitor) {}

        @Override
        public String getId(Node node) {
          return fresh.getId(node);
        }

        @Override
        public String getId(CharSequence text) {
          return fresh.getId(text);
        }
      };
    }
  }

  /**
   * Emits the placeholder of a fenced block's prepared HTML, and plain text the quick way: what
   * flexmark's own text renderer makes (unescaped, line ends normalised, HTML-escaped), but with
   * three regular expressions run only on text that has a character they act on, and long text
   * behind a placeholder. Text was a fifth of all rendering time, most of it in the writer.
   */
  private static final class OpsbookNodeRenderer implements NodeRenderer {
    private final int shortestTextPlaceholder;

    OpsbookNodeRenderer(int shortestTextPlaceholder) {
      this.shortestTextPlaceholder = shortestTextPlaceholder;
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(new NodeRenderingHandler<>(FencedCodeBlock.class, this::render),
          new NodeRenderingHandler<>(Text.class, this::render));
    }

    private void render(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
      String placeholder = SNIPPET_PLACEHOLDERS.get(context.getDocument()).get(node);
      if (placeholder != null) {
        html.line();
        html.raw(placeholder);
        html.line();
      } else {
        context.delegateRender();
      }
    }

    private void render(Text node, NodeRendererContext context, HtmlWriter html) {
      String escaped = escapedText(node);
      if (worthAPlaceholder(escaped)) {
        html.raw(placeholder(PLACEHOLDERS.get(context.getDocument()), escaped));
      } else {
        html.raw(escaped);
      }
    }

    /**
     * Long text that the writer would pass through unchanged. The writer drops white space at the
     * start of a line (text after a backslash line break keeps its indentation until then), so
     * text with white space at an edge goes to the writer as it is; MarkdownPipelineTest finds the
     * difference when that check is left out. Text with a line end (which {@code &#10;} makes)
     * goes to the writer too, since the writer counts the lines it is given.
     */
    private boolean worthAPlaceholder(String escaped) {
      int n = escaped.length();
      return n >= shortestTextPlaceholder && n > 0 && escaped.charAt(0) > ' ' && escaped.charAt(n - 1) > ' '
          && !Character.isWhitespace(escaped.charAt(0)) && !Character.isWhitespace(escaped.charAt(n - 1))
          && escaped.indexOf('\n') < 0;
    }

  }

  /** A text node's HTML: unescaped, line ends normalised, HTML-escaped, as flexmark's text renderer makes it. */
  static String escapedText(Text node) {
    BasedSequence chars = node.getChars();
    String text = SourceChars.of(chars);
    // Backslash escapes and character references are the only things unescaping changes.
    if (text.indexOf('\\') >= 0 || text.indexOf('&') >= 0) {
      text = chars.unescape();
    }
    if (text.indexOf('\r') >= 0) {
      text = Escaping.normalizeEOL(text);
    }
    // As flexmark's Escaping.escapeHtml(text, false).
    return SnippetRenderer.escape(text);
  }

  /**
   * Where a link written as {@code url} leads on the page, or null when it stays as written.
   * flexmark asks link resolvers about no empty URL, so an empty one stays as written.
   */
  static String linkTarget(String url, Map<String, String> rewrites) {
    if (url.isEmpty()) {
      return null;
    }
    if (UrlSafety.forbiddenScheme(url).isPresent()) {
      // Never on a page, whether or not MarkdownSafety reported it (RulePages, maintenance pages).
      return "#";
    }
    return rewrites.get(url);
  }

  /**
   * Renders raw HTML as the document's {@code markdown.raw_html} setting says, and always as text
   * when it holds a forbidden URL; HTML comments pass through.
   */
  private static final class RawHtmlRenderer implements NodeRenderer {
    RawHtmlRenderer(DataHolder options) {}

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(
          new NodeRenderingHandler<>(HtmlBlock.class, this::renderBlock),
          new NodeRenderingHandler<>(HtmlCommentBlock.class, this::renderBlock),
          new NodeRenderingHandler<>(HtmlInline.class, this::renderInline),
          new NodeRenderingHandler<>(HtmlInlineComment.class, this::renderInline));
    }

    private void renderBlock(Node node, NodeRendererContext context, HtmlWriter html) {
      if (MarkdownSafety.mustEscape(node, MarkdownSafety.RAW_HTML.get(context.getDocument()))) {
        html.line();
        html.tag("p").text(node.getChars().trimEOL().toString()).closeTag("p");
        html.line();
      } else {
        context.delegateRender();
      }
    }

    private void renderInline(Node node, NodeRendererContext context, HtmlWriter html) {
      if (MarkdownSafety.mustEscape(node, MarkdownSafety.RAW_HTML.get(context.getDocument()))) {
        html.text(node.getChars().toString());
      } else {
        context.delegateRender();
      }
    }
  }

  /** Applies the document's link rewrites. */
  private static final class RewritingLinkResolver implements LinkResolver {
    @Override
    public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
      String target = linkTarget(link.getUrl(), LINK_REWRITES.get(context.getDocument()));
      return target == null ? link : link.withUrl(target).withStatus(LinkStatus.VALID);
    }

    static final class Factory implements LinkResolverFactory {
      @Override
      public Set<Class<?>> getAfterDependents() {
        return null;
      }

      @Override
      public Set<Class<?>> getBeforeDependents() {
        return null;
      }

      @Override
      public boolean affectsGlobalScope() {
        return false;
      }

      @Override
      public LinkResolver apply(LinkResolverBasicContext context) {
        return new RewritingLinkResolver();
      }
    }
  }
}

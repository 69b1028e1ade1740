package org.opsbook.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.admonition.internal.AdmonitionBlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Markdown people write on other platforms, as one flexmark extension: admonitions in both
 * common forms (GitHub's {@code > [!NOTE]} and the {@code !!! note "Title"} form, collapsible as
 * {@code ??? note} or, open, {@code ???+ note}), footnotes, definition lists, and a permalink on
 * every heading, and inline code that a narrow screen never splits inside a short token. Admonitions are parsed by flexmark's own extension and rendered here, as plain
 * HTML the theme styles without any script.
 */
public final class MarkdownExtras implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
  /** Inline code up to this long, without spaces, fits a phone's line, so it is never split. */
  private static final int SHORT_TOKEN = 30;

  /** Admonition kinds the theme styles, and the other names for them in common use. */
  private static final Map<String, String> KINDS = Map.ofEntries(
      Map.entry("note", "note"), Map.entry("seealso", "note"),
      Map.entry("abstract", "info"), Map.entry("summary", "info"), Map.entry("tldr", "info"),
      Map.entry("info", "info"), Map.entry("todo", "info"),
      Map.entry("tip", "tip"), Map.entry("hint", "tip"),
      Map.entry("important", "important"),
      Map.entry("success", "success"), Map.entry("check", "success"), Map.entry("done", "success"),
      Map.entry("question", "question"), Map.entry("help", "question"), Map.entry("faq", "question"),
      Map.entry("warning", "warning"), Map.entry("attention", "warning"),
      Map.entry("caution", "caution"),
      Map.entry("failure", "danger"), Map.entry("fail", "danger"), Map.entry("missing", "danger"),
      Map.entry("danger", "danger"), Map.entry("error", "danger"), Map.entry("bug", "danger"),
      Map.entry("example", "example"), Map.entry("quote", "quote"), Map.entry("cite", "quote"));

  private final AdmonitionExtension admonitions = AdmonitionExtension.create();
  private final FootnoteExtension footnotes = FootnoteExtension.create();
  private final DefinitionExtension definitions = DefinitionExtension.create();

  @Override
  public void parserOptions(MutableDataHolder options) {
    admonitions.parserOptions(options);
    footnotes.parserOptions(options);
    definitions.parserOptions(options);
    // flexmark's default for this key reads its icons from the jar, and it is computed afresh for
    // every document; this extension renders admonitions itself and never draws those icons.
    options.set(AdmonitionExtension.TYPE_SVG_MAP, Map.of());
    // U+FE0E asks for the text form of the arrow; phones otherwise draw an emoji.
    options.set(FootnoteExtension.FOOTNOTE_BACK_REF_STRING, "\u21a9\ufe0e");
  }

  @Override
  public void extend(Parser.Builder parser) {
    parser.customBlockParserFactory(new AdmonitionStarts(new AdmonitionBlockParser.Factory()));
    footnotes.extend(parser);
    definitions.extend(parser);
  }

  @Override
  public void rendererOptions(MutableDataHolder options) {
    footnotes.rendererOptions(options);
    definitions.rendererOptions(options);
  }

  @Override
  public void extend(HtmlRenderer.Builder renderer, String rendererType) {
    // Admonitions get this extension's renderer, not flexmark's (which needs its script and icons).
    footnotes.extend(renderer, rendererType);
    definitions.extend(renderer, rendererType);
    renderer.nodeRendererFactory(ExtrasRenderer::new);
  }

  /**
   * flexmark's admonition parser, asked first whether a line can start an admonition at all. Its
   * own test compiles a regular expression for every line of every document it is asked about,
   * which was a twentieth of a large build; a start is {@code !!!}, {@code ???} or {@code ???+} at
   * the line's first non-space character, and any other line gets the answer flexmark would give.
   */
  static final class AdmonitionStarts implements CustomBlockParserFactory, WrapsFlexmark {
    private final CustomBlockParserFactory flexmark;

    AdmonitionStarts(CustomBlockParserFactory flexmark) {
      this.flexmark = flexmark;
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
      BlockParserFactory parser = flexmark.apply(options);
      return (state, matched) -> canStart(state.getLine(), state.getNextNonSpaceIndex())
          ? parser.tryStart(state, matched) : BlockStart.none();
    }

    static boolean canStart(CharSequence line, int at) {
      if (at + 3 > line.length()) {
        return false;
      }
      char c = line.charAt(at);
      return (c == '!' || c == '?') && line.charAt(at + 1) == c && line.charAt(at + 2) == c;
    }

    @Override
    public CustomBlockParserFactory wrapped() {
      return flexmark;
    }

    @Override
    public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
      return flexmark.getLeadInHandler(options);
    }
  }

  /** The CSS kind for an admonition or alert type as written: {@code caution}, {@code tip}, ... */
  static String kindOf(String written) {
    return KINDS.getOrDefault(written.toLowerCase(Locale.ROOT), "note");
  }

  /** "note" to "Note": the default title of an admonition written without one. */
  static String defaultTitle(String written) {
    String w = written.isEmpty() ? "note" : written.toLowerCase(Locale.ROOT);
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  /** The whole {@code <code>} element of inline code. */
  static String codeHtml(Code node) {
    String text = Escaping.collapseWhitespace(node.getText(), true);
    boolean nowrap = text.length() <= SHORT_TOKEN && noWhitespace(text);
    return (nowrap ? "<code class=\"nowrap\">" : "<code>") + SnippetRenderer.escape(text) + "</code>";
  }

  private static boolean noWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The heading's opening tag with its id, if it has one. */
  static String headingOpen(Heading node, String id) {
    String tag = "h" + node.getLevel();
    return id != null && !id.isEmpty() ? "<" + tag + " id=\"" + Escaping.escapeHtml(id, true) + "\">" : "<" + tag + ">";
  }

  /** The permalink at the end of a heading with an id. */
  static String anchor(Heading node, String id) {
    return "<a class=\"heading-anchor\" href=\"#" + SnippetRenderer.escape(id) + "\" aria-label=\"Link to this section: "
        + SnippetRenderer.escape(PlainText.of(node).strip()) + "\">#</a>";
  }

  private static final class ExtrasRenderer implements NodeRenderer {
    ExtrasRenderer(DataHolder options) {}

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(
          new NodeRenderingHandler<>(AdmonitionBlock.class, this::render),
          new NodeRenderingHandler<>(GitHubAlertBlock.class, this::render),
          new NodeRenderingHandler<>(Heading.class, this::render),
          new NodeRenderingHandler<>(Code.class, this::render));
    }

    /**
     * As flexmark's own inline code, but a short token without spaces ({@code -C}, {@code
     * without-password}) is marked {@code nowrap}: browsers would otherwise break it at its hyphen
     * on a phone. Longer code still wraps at its spaces, or where it cannot fit a line.
     */
    private void render(Code node, NodeRendererContext context, HtmlWriter html) {
      String text = Escaping.collapseWhitespace(node.getText(), true);
      boolean nowrap = text.length() <= SHORT_TOKEN && noWhitespace(text);
      // The whole element behind one placeholder: the writer's tag calls were most of its cost.
      String placeholder = MarkdownPipeline.placeholder(context.getDocument(), codeHtml(node));
      if (placeholder != null) {
        html.raw(placeholder);
        return;
      }
      if (nowrap) {
        html.attr("class", "nowrap");
      }
      html.withAttr().tag("code");
      html.text(text);
      html.tag("/code");
    }


    private void render(AdmonitionBlock node, NodeRendererContext context, HtmlWriter html) {
      String written = node.getInfo().toString();
      String kind = kindOf(written);
      String marker = node.getOpeningMarker().toString();
      boolean hasQuotes = node.getTitleOpeningMarker().isNotNull() && !node.getTitleOpeningMarker().isEmpty();
      String title = hasQuotes ? node.getTitle().toString() : defaultTitle(written);
      boolean collapsible = marker.startsWith("???");
      String classes = "admonition admonition-" + kind;
      html.line();
      if (collapsible) {
        html.raw("<details class=\"" + classes + "\"" + (marker.endsWith("+") ? " open" : "") + ">\n");
        html.raw("<summary class=\"admonition-title\">" + SnippetRenderer.escape(title.isEmpty() ? defaultTitle(written) : title)
            + "</summary>\n");
      } else {
        html.raw("<div class=\"" + classes + "\" role=\"note\">\n");
        if (!title.isEmpty()) {
          html.raw("<p class=\"admonition-title\">" + SnippetRenderer.escape(title) + "</p>\n");
        }
      }
      context.renderChildren(node);
      html.line();
      html.raw(collapsible ? "</details>\n" : "</div>\n");
    }

    private void render(GitHubAlertBlock node, NodeRendererContext context, HtmlWriter html) {
      html.line();
      html.raw("<div class=\"admonition admonition-" + node.kind() + "\" role=\"note\">\n");
      html.raw("<p class=\"admonition-title\">" + defaultTitle(node.kind()) + "</p>\n");
      context.renderChildren(node);
      html.line();
      html.raw("</div>\n");
    }

    /**
     * As flexmark's own heading, plus a permalink the theme shows on hover and focus. The tags are
     * written as the writer's {@code tagLine} writes them (a line of their own, the id escaped as
     * flexmark escapes attributes; nothing here adds other attributes to a heading), without its
     * tag machinery, which cost more than the heading's text.
     */
    private void render(Heading node, NodeRendererContext context, HtmlWriter html) {
      String id = context.getNodeId(node);
      boolean anchored = id != null && !id.isEmpty();
      String tag = "h" + node.getLevel();
      html.line();
      html.raw(headingOpen(node, id));
      context.renderChildren(node);
      if (anchored) {
        html.raw(anchor(node, id));
      }
      html.raw("</" + tag + ">");
      html.line();
    }

  }
}

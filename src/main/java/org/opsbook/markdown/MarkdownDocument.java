package org.opsbook.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.opsbook.diag.Diagnostic;

/**
 * A parsed Markdown body, with what the pipeline needs from it found in one walk over the tree:
 * the headings (ids already assigned), the fenced blocks as snippets, and the links and images.
 * flexmark's tree stays inside: callers see records and strings. Used by one thread at a time.
 */
public final class MarkdownDocument {
  private final MarkdownPipeline pipeline;
  private final Document document;
  private final LineMap lines;
  private final List<TocEntry> toc = new ArrayList<>();
  private final List<FencedCodeBlock> fences = new ArrayList<>();
  private final List<ExtractedSnippet> snippets = new ArrayList<>();
  private final List<Node> links = new ArrayList<>();
  private final List<TextSection> sections = new ArrayList<>();

  MarkdownDocument(MarkdownPipeline pipeline, Document document, LineMap lines) {
    this.pipeline = pipeline;
    this.document = document;
    this.lines = lines;
    walk(document);
  }

  /** One pass in document order, with a stack of its own: deep nesting cannot overflow the thread's. */
  private void walk(Node root) {
    Deque<Node> stack = new ArrayDeque<>();
    pushChildren(root, stack);
    String anchor = "";
    String heading = "";
    StringBuilder prose = new StringBuilder();
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      if (n instanceof FencedCodeBlock block) {
        fences.add(block);
        snippets.add(SnippetExtractor.toSnippet(block, lines));
        continue; // code has no links or headings in it
      }
      if (n instanceof Heading h) {
        addSection(anchor, heading, prose);
        TocEntry entry = new TocEntry(h.getLevel(), PlainText.of(h).strip(), h.getAnchorRefId());
        toc.add(entry);
        anchor = entry.id() == null ? "" : entry.id();
        heading = entry.text();
        prose.setLength(0);
      } else if (n instanceof Image || n instanceof Link || n instanceof Reference) {
        links.add(n);
      }
      if (n instanceof Code c) {
        if (c.getAncestorOfType(Heading.class) == null) {
          appendCollapsed(prose, SourceChars.of(c.getText()));
        }
        continue; // its text child is the same code again
      }
      if (n instanceof IndentedCodeBlock) {
        continue;
      }
      if (n instanceof Text && n.getAncestorOfType(Heading.class) == null) {
        appendCollapsed(prose, SourceChars.of(n.getChars()));
      } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak || n instanceof Block) {
        appendCollapsed(prose, " ");
      }
      pushChildren(n, stack);
    }
    addSection(anchor, heading, prose);
  }

  private void addSection(String anchor, String heading, StringBuilder prose) {
    // Collapsed as it was appended; stripping after collapsing gives what collapsing after does.
    String text = prose.toString().strip();
    if (!text.isEmpty() || !heading.isEmpty()) {
      sections.add(new TextSection(anchor, heading, text));
    }
  }

  /**
   * Appends {@code text} with each run of ASCII white space ({@code \\s} in a regular expression)
   * as one space, continuing a run that {@code out} ends with: pieces appended one after another
   * come out as their whole would. The walk appends a section's prose this way, so it is never
   * copied a second time to collapse it, and every section goes through a loop rather than a
   * pattern. It takes a string, whose characters are read without an interface call each.
   */
  static StringBuilder appendCollapsed(StringBuilder out, String text) {
    boolean space = out.length() > 0 && out.charAt(out.length() - 1) == ' ';
    int from = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (!isAsciiSpace(text.charAt(i))) {
        if (space) {
          from = i;
          space = false;
        }
        continue;
      }
      if (!space) {
        out.append(text, from, i).append(' ');
        space = true;
      }
    }
    if (!space) {
      out.append(text, from, n);
    }
    return out;
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static void pushChildren(Node parent, Deque<Node> stack) {
    for (Node child = parent.getLastChild(); child != null; child = child.getPrevious()) {
      stack.push(child);
    }
  }

  /** The anchors it defines and its links that name a fragment, for the site-wide anchor check. */
  public Anchors anchors() {
    return Anchors.collect(document, lines);
  }

  /** The prose of each section, as plain text, in document order; code blocks are left out. */
  public List<TextSection> sections() {
    return List.copyOf(sections);
  }

  /** The headings in document order, each with the id its HTML gets. */
  public List<TocEntry> toc() {
    return List.copyOf(toc);
  }

  /** Every fenced block in document order, test blocks included. */
  public List<ExtractedSnippet> snippets() {
    return List.copyOf(snippets);
  }

  /**
   * The hostile-input checks ({@link MarkdownSafety}): parser limits reached, forbidden URL
   * schemes, images from other hosts, raw HTML as {@code rawHtml} allows; also tells the renderer
   * how to show this document's raw HTML.
   */
  public List<Diagnostic> checkSafety(RawHtml rawHtml) {
    return MarkdownSafety.check(document, lines, rawHtml);
  }

  /**
   * Resolves the relative links and images against the site and reports those that lead
   * nowhere, and images without alt text.
   *
   * @param fromRelPath the content-relative path of this file
   * @param basePath the site's base path, such as {@code /docs/}
   */
  public LinkCheck.Result checkLinks(LinkTargets targets, String fromRelPath, String basePath) {
    return LinkCheck.check(links, lines, targets, fromRelPath, basePath);
  }

  /** flexmark's tree of the document, for tests of its writers. */
  Document tree() {
    return document;
  }

  /** The document's fenced blocks, in order. */
  List<FencedCodeBlock> fences() {
    return fences;
  }

  /**
   * Renders the document.
   *
   * @param snippetHtml the HTML of each fenced block, by its place in {@link #snippets()}; a
   *     {@code null} entry, or a shorter list, renders the block as plain code
   * @param linkRewrites site URLs for links as written
   */
  public String render(List<String> snippetHtml, Map<String, String> linkRewrites) {
    return pipeline.render(document, fences, snippetHtml, linkRewrites);
  }

  static BasedSequence urlOf(Node linkOrReference) {
    if (linkOrReference instanceof Link link) {
      return link.getUrl();
    }
    return ((Reference) linkOrReference).getUrl();
  }
}

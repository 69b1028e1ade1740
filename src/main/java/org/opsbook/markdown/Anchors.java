package org.opsbook.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsbook.diag.SourceSpan;

/**
 * The anchors of one page and the links only the whole site can confirm, so a site-wide pass can
 * check that every {@code #fragment} names something that exists (headings, ids in raw HTML,
 * footnotes, and whatever else the page's renderer adds: snippet anchors, via {@link #withIds}),
 * and that every link to a tag's page or a further page of a list names one the build writes.
 *
 * @param ids the fragment ids the page defines, sorted
 * @param hasFootnotes whether footnotes give it the {@code fn-N} and {@code fnref-N} ids
 * @param links the links whose URL has a {@code #fragment} or mentions {@code tags/} or {@code page/},
 *     in document order
 */
public record Anchors(Set<String> ids, boolean hasFootnotes, List<SiteLink> links) {
  /** A link the site-wide pass checks: where it is written and its URL as written. */
  public record SiteLink(SourceSpan where, String href) {}

  // An id attribute in author-written HTML, in any of HTML's three quoting styles.
  private static final Pattern HTML_ID =
      Pattern.compile("<[A-Za-z][^<>]*?\\s(?:id|name)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'<>=`]+))");
  private static final Pattern FOOTNOTE_ID = Pattern.compile("fn(?:ref)?-\\d+(?:-\\d+)?");

  public static final Anchors NONE = new Anchors(Set.of(), false, List.of());

  public Anchors {
    ids = Collections.unmodifiableSet(new TreeSet<>(ids));
    links = List.copyOf(links);
  }

  /** Collects a parsed document's anchors and site links; heading ids must be assigned already. */
  public static Anchors collect(Document document, LineMap lines) {
    Set<String> ids = new TreeSet<>();
    List<SiteLink> links = new ArrayList<>();
    boolean[] footnotes = {false};
    visit(document, lines, ids, links, footnotes);
    return new Anchors(ids, footnotes[0], links);
  }

  private static void visit(Node parent, LineMap lines, Set<String> ids, List<SiteLink> links, boolean[] footnotes) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof FencedCodeBlock) {
        continue;
      }
      if (n instanceof Heading h && h.getAnchorRefId() != null && !h.getAnchorRefId().isEmpty()) {
        ids.add(h.getAnchorRefId());
      } else if (n instanceof HtmlBlock || n instanceof HtmlInline) {
        Matcher m = HTML_ID.matcher(n.getChars());
        while (m.find()) {
          ids.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
      } else if (n instanceof Footnote) {
        footnotes[0] = true;
      } else if (n instanceof Link link) {
        addLink(link.getUrl(), lines, links);
      } else if (n instanceof Reference ref) {
        addLink(ref.getUrl(), lines, links);
      }
      if (n.hasChildren()) {
        visit(n, lines, ids, links, footnotes);
      }
    }
  }

  private static void addLink(BasedSequence url, LineMap lines, List<SiteLink> links) {
    String href = url.unescape();
    // Tags, and how many pages a list fills, are known only once every article has been read; the
    // index lets such a link pass and the site-wide pass looks again. Any link naming tags/ or
    // page/ is kept: which page it reaches is the site index's to say.
    if (href.indexOf('#') >= 0 || href.contains("tags/") || href.contains("page/")) {
      links.add(new SiteLink(lines.at(url.getStartOffset()), href));
    }
  }

  /** These anchors plus ids the page's renderer adds. */
  public Anchors withIds(Collection<String> more) {
    Set<String> all = new TreeSet<>(ids);
    all.addAll(more);
    return new Anchors(all, hasFootnotes, links);
  }

  /** Whether a fragment (already percent-decoded) names an anchor of this page. */
  public boolean defines(String fragment) {
    return fragment.isEmpty() || fragment.equals("top") || ids.contains(fragment)
        || (hasFootnotes && FOOTNOTE_ID.matcher(fragment).matches());
  }
}

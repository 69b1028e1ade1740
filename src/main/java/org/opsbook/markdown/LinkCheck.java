package org.opsbook.markdown;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opsbook.check.CoreRules;
import org.opsbook.content.SiteIndex;
import org.opsbook.diag.Diagnostic;

/**
 * Resolves every relative link and image of a document to a site URL and reports the ones that
 * point at nothing. The rewrites are handed to the renderer as a map from the URL as written.
 */
public final class LinkCheck {
  private LinkCheck() {}

  /** The result: rewrites to apply while rendering and problems found. */
  public record Result(Map<String, String> rewrites, List<Diagnostic> diagnostics) {
    public Result {
      rewrites = java.util.Collections.unmodifiableMap(new TreeMap<>(rewrites));
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /**
   * @param links the document's links, images and reference definitions in document order
   * @param fromRelPath the content-relative path of the Markdown file
   * @param basePath the site's base path, such as {@code /} or {@code /docs/}
   */
  static Result check(List<Node> links, LineMap lines, LinkTargets targets, String fromRelPath, String basePath) {
    Map<String, String> rewrites = new TreeMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (Node n : links) {
      if (n instanceof Image image) {
        if (image.getText().isBlank()) {
          problems.add(CoreRules.diagnostic(CoreRules.IMAGE_ALT, lines.at(image.getStartOffset()),
              "image '" + image.getUrl() + "' has no alt text",
              "describe the image between the brackets: ![what it shows](" + image.getUrl() + ")"));
        }
        resolve(image.getUrl(), true, lines, targets, fromRelPath, basePath, rewrites, problems);
      } else {
        resolve(MarkdownDocument.urlOf(n), false, lines, targets, fromRelPath, basePath, rewrites, problems);
      }
    }
    return new Result(rewrites, problems);
  }

  private static void resolve(BasedSequence url, boolean image, LineMap lines, LinkTargets targets, String from,
      String basePath, Map<String, String> rewrites, List<Diagnostic> problems) {
    String href = url.unescape();
    Optional<SiteIndex.Target> target = targets.resolve(from, href);
    if (target.isEmpty()) {
      return;
    }
    SiteIndex.Target t = target.get();
    if (t.exists()) {
      rewrites.put(href, basePath + t.sitePath() + t.suffix());
      return;
    }
    if (t.kind() == SiteIndex.TargetKind.OUTSIDE) {
      problems.add(CoreRules.diagnostic(image ? CoreRules.MISSING_IMAGE : CoreRules.BROKEN_LINK,
          lines.at(url.getStartOffset()), (image ? "image '" : "link to '") + href + "' climbs above the content"
              + " folder; the site holds nothing there, and opsbook reads nothing outside the project",
          image ? "copy the image beside the article's index.md and name it from there" : "link to a page of the site"));
    } else if (image || t.kind() == SiteIndex.TargetKind.MISSING_FILE) {
      problems.add(CoreRules.diagnostic(image ? CoreRules.MISSING_IMAGE : CoreRules.BROKEN_LINK,
          lines.at(url.getStartOffset()),
          (image ? "image '" : "link to '") + href + "' points at a file that does not exist",
          "put the file beside the article's index.md, or fix the path"));
    } else {
      problems.add(CoreRules.diagnostic(CoreRules.BROKEN_LINK, lines.at(url.getStartOffset()),
          "link to '" + href + "' points at no article or page",
          "link to another article as ../<slug>/ or ../<slug>/index.md"));
    }
  }
}

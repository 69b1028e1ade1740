package org.opsbook.maintenance.inline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

/**
 * Turns a rendered page into one HTML file that needs nothing else: stylesheets become {@code
 * <style>} (with their {@code url()}s as {@code data:} URIs), scripts become inline scripts,
 * images and icons become {@code data:} URIs. A Content-Security-Policy {@code <meta>} that allows
 * exactly the inline styles and scripts is added, and the written bytes are verified to reference
 * nothing outside the file. Thread-safe: no state beyond the constructor's immutable arguments.
 */
public final class SelfContainedPage {
  static final String EXTERNAL_RULE = "maintenance.external-reference";
  static final String CSP_RULE = "maintenance.csp-blocked";

  private final List<Path> staticDirs;
  private final Function<Path, String> displayPath;

  /**
   * @param staticDirs folders that page references are looked up in, first match wins
   * @param displayPath turns a file into the project-relative path used in diagnostics
   */
  public SelfContainedPage(List<Path> staticDirs, Function<Path, String> displayPath) {
    this.staticDirs = List.copyOf(staticDirs);
    this.displayPath = displayPath;
  }

  /**
   * The self-contained page.
   *
   * @param html the page as rendered by the template
   * @param templateFile project-relative path of the template, where page-level problems are reported
   * @param navigation absolute URLs that links may point at (the declared contact and status pages)
   * @return the page bytes (present only without errors), its policy and the findings
   */
  public Result build(String html, String templateFile, Set<String> navigation) {
    InlineProblems problems = new InlineProblems(templateFile, displayPath);
    AssetResolver resolver = new AssetResolver(staticDirs);
    CssInliner css = new CssInliner(resolver, problems);
    Document document = Jsoup.parse(html);
    configure(document);

    inlineStylesheets(document, resolver, css, problems);
    for (Element style : document.select("style")) {
      replaceData(style, css.inline(style.data(), null));
    }
    inlineScripts(document, resolver, problems);
    inlineImages(document, css, problems);
    for (Element styled : document.select("[style]")) {
      styled.attr("style", css.inline(styled.attr("style"), null));
    }

    List<Diagnostic> diagnostics = new ArrayList<>(problems.diagnostics());
    diagnostics.addAll(cspProblems(document, templateFile));
    ContentSecurityPolicy policy = ContentSecurityPolicy.of(document);
    Element meta = document.head().prependElement("meta");
    meta.attr("http-equiv", "Content-Security-Policy").attr("content", policy.forMeta());
    // The charset declaration must stay within the first 1024 bytes, so it goes before the policy.
    document.head().select("meta[charset]").forEach(charset -> document.head().prependChild(charset));
    String output = document.outerHtml() + "\n";

    Document written = Jsoup.parse(output);
    for (ReferenceVerifier.Offence offence : ReferenceVerifier.verify(written, navigation)) {
      diagnostics.add(Diagnostic.error(new SourceSpan(templateFile, 1, 1), EXTERNAL_RULE,
              "the page still references something outside itself: " + offence)
          .withHint("only #anchors, data: URIs and mailto: links may remain; put the asset into the theme's static folder"));
    }
    boolean ok = diagnostics.stream().noneMatch(Diagnostic::isError);
    return new Result(ok ? Optional.of(output.getBytes(StandardCharsets.UTF_8)) : Optional.empty(), policy, diagnostics);
  }

  /** The outcome of {@link #build}. */
  public record Result(Optional<byte[]> bytes, ContentSecurityPolicy policy, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private static void configure(Document document) {
    document.outputSettings()
        .prettyPrint(false)
        .charset(StandardCharsets.UTF_8)
        .escapeMode(Entities.EscapeMode.base);
  }

  private static void inlineStylesheets(Document document, AssetResolver resolver, CssInliner css, InlineProblems problems) {
    for (Element link : document.select("link[href]")) {
      Set<String> rel = Set.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"));
      String href = link.attr("href");
      if (rel.contains("stylesheet")) {
        Optional<Path> file = AssetResolver.isRemote(href) ? Optional.empty() : resolver.resolve(href, null);
        if (file.isEmpty()) {
          problems.addToPage("cannot inline stylesheet '" + href + "': " + reason(href),
              "keep stylesheets in the theme's static folder");
          continue;
        }
        Optional<String> text = css.inlineFile(file.get());
        if (text.isEmpty()) {
          continue;
        }
        Element style = new Element("style");
        if (link.hasAttr("media")) {
          style.attr("media", link.attr("media"));
        }
        style.appendChild(new DataNode(text.get()));
        link.replaceWith(style);
      } else if (rel.contains("preload") || rel.contains("prefetch") || rel.contains("preconnect") || rel.contains("dns-prefetch")) {
        // A hint to fetch something early has nothing to fetch once everything is inline.
        link.remove();
      } else if (rel.contains("icon") || rel.contains("apple-touch-icon") || rel.contains("mask-icon")) {
        Optional<String> data = AssetResolver.isRemote(href) ? Optional.empty() : css.dataUri(href, null);
        if (data.isEmpty()) {
          problems.addToPage("cannot inline icon '" + href + "': " + reason(href), "keep icons in the theme's static folder");
        } else {
          link.attr("href", data.get());
        }
      }
    }
  }

  private static void inlineScripts(Document document, AssetResolver resolver, InlineProblems problems) {
    for (Element script : document.select("script[src]")) {
      String src = script.attr("src");
      Optional<Path> file = AssetResolver.isRemote(src) ? Optional.empty() : resolver.resolve(src, null);
      if (file.isEmpty()) {
        problems.addToPage("cannot inline script '" + src + "': " + reason(src), "keep scripts in the theme's static folder");
        continue;
      }
      String text;
      try {
        text = Files.readString(file.get(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        problems.add(file.get(), 1, "cannot read script: " + e.getMessage(), null);
        continue;
      }
      if (text.toLowerCase(Locale.ROOT).contains("</script")) {
        problems.add(file.get(), 1, "the script contains '</script', which would end an inline script early",
            "write it as '<\\/script' in the script");
        continue;
      }
      script.removeAttr("src");
      script.empty();
      script.appendChild(new DataNode(text));
    }
  }

  private static void inlineImages(Document document, CssInliner css, InlineProblems problems) {
    for (Element image : document.select("img[src], image[href], input[type=image][src]")) {
      String attribute = image.hasAttr("src") ? "src" : "href";
      String src = image.attr(attribute);
      if (src.startsWith("data:")) {
        continue;
      }
      Optional<String> data = AssetResolver.isRemote(src) ? Optional.empty() : css.dataUri(src, null);
      if (data.isEmpty()) {
        problems.addToPage("cannot inline image '" + src + "': " + reason(src), "keep images in the theme's static folder");
      } else {
        image.attr(attribute, data.get());
      }
    }
  }

  /** Things the policy would block: inline event handlers and style attributes (CSP 3 needs 'unsafe-hashes'). */
  private static List<Diagnostic> cspProblems(Document document, String templateFile) {
    List<Diagnostic> found = new ArrayList<>();
    for (Element element : document.getAllElements()) {
      element.attributes().forEach(attribute -> {
        String key = attribute.getKey().toLowerCase(Locale.ROOT);
        if (key.startsWith("on")) {
          found.add(Diagnostic.error(new SourceSpan(templateFile, 1, 1), CSP_RULE,
                  "<" + element.normalName() + " " + key + "> is an inline event handler, which the page's policy blocks")
              .withHint("attach the handler from the page's script with addEventListener"));
        } else if (key.equals("style")) {
          found.add(Diagnostic.warning(new SourceSpan(templateFile, 1, 1), CSP_RULE,
                  "<" + element.normalName() + " style=...> is ignored under the page's policy")
              .withHint("move the declaration into the stylesheet"));
        }
      });
      if (element.normalName().equals("a") && element.attr("href").toLowerCase(Locale.ROOT).startsWith("javascript:")) {
        found.add(Diagnostic.error(new SourceSpan(templateFile, 1, 1), CSP_RULE,
            "a javascript: link is blocked by the page's policy").withHint("use a button and the page's script"));
      }
    }
    return found;
  }

  private static void replaceData(Element element, String text) {
    element.empty();
    element.appendChild(new DataNode(text));
  }

  private static String reason(String reference) {
    return AssetResolver.isRemote(reference)
        ? "it is on another host or scheme, and a maintenance page must not depend on the network"
        : "no such file in the theme's static folders";
  }
}

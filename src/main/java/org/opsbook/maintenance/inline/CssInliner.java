package org.opsbook.maintenance.inline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a stylesheet so that it references nothing: {@code @import}ed sheets are pasted in
 * (inside {@code @media} when the import had a media query) and every {@code url(...)} becomes a
 * {@code data:} URI. References that cannot be inlined are reported through {@link InlineProblems}.
 */
final class CssInliner {
  // CSS Syntax 3 §4.3.6: url( with optional quotes; an unquoted url() cannot contain quotes or spaces.
  private static final Pattern URL = Pattern.compile("url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\"'\\s]*))\\s*\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern IMPORT = Pattern.compile(
      "@import\\s+(?:url\\(\\s*)?(?:\"([^\"]*)\"|'([^']*)'|([^)\"'\\s;]+))\\s*\\)?\\s*([^;]*);", Pattern.CASE_INSENSITIVE);
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

  private final AssetResolver resolver;
  private final InlineProblems problems;

  CssInliner(AssetResolver resolver, InlineProblems problems) {
    this.resolver = resolver;
    this.problems = problems;
  }

  /** A stylesheet file with everything it references pasted in. */
  Optional<String> inlineFile(Path css) {
    return inlineFile(css, new ArrayDeque<>());
  }

  private Optional<String> inlineFile(Path css, Deque<Path> importing) {
    if (importing.contains(css)) {
      problems.add(css, 1, "stylesheet imports itself through " + importing.peek().getFileName(),
          "remove the circular @import");
      return Optional.empty();
    }
    String text;
    try {
      text = Files.readString(css, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(css, 1, "cannot read stylesheet: " + e.getMessage(), null);
      return Optional.empty();
    }
    importing.push(css);
    String result = inline(text, css, importing);
    importing.pop();
    return Optional.of(result);
  }

  /** Inlines references in CSS text found in the page ({@code from} null) or in a file. */
  String inline(String text, Path from) {
    return inline(text, from, new ArrayDeque<>());
  }

  private String inline(String text, Path from, Deque<Path> importing) {
    String withoutComments = COMMENT.matcher(text).replaceAll("");
    Matcher imports = IMPORT.matcher(withoutComments);
    StringBuilder out = new StringBuilder();
    while (imports.find()) {
      String reference = first(imports.group(1), imports.group(2), imports.group(3));
      String media = imports.group(4).strip();
      String replacement = "";
      Optional<Path> target = AssetResolver.isRemote(reference) ? Optional.empty() : resolver.resolve(reference, from);
      if (target.isEmpty()) {
        problems.add(from, lineOf(withoutComments, imports.start()),
            "cannot inline @import '" + reference + "'" + (AssetResolver.isRemote(reference) ? ": it is on another host" : ": no such file in the theme"),
            "put the stylesheet into the theme's static folder and import it by a relative path");
      } else {
        String imported = inlineFile(target.get(), importing).orElse("");
        replacement = media.isEmpty() ? imported : "@media " + media + "{" + imported + "}";
      }
      imports.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    imports.appendTail(out);
    return CssMinifier.minify(inlineUrls(out.toString(), from));
  }

  private String inlineUrls(String css, Path from) {
    Matcher urls = URL.matcher(css);
    StringBuilder out = new StringBuilder();
    while (urls.find()) {
      String reference = first(urls.group(1), urls.group(2), urls.group(3)).strip();
      String replacement = urls.group();
      if (reference.startsWith("data:") || reference.startsWith("#")) {
        // Already inline, or an SVG fragment reference within the document.
        replacement = urls.group();
      } else {
        Optional<String> dataUri = AssetResolver.isRemote(reference) ? Optional.empty() : dataUri(reference, from);
        if (dataUri.isPresent()) {
          replacement = "url(\"" + dataUri.get() + "\")";
        } else {
          problems.add(from, lineOf(css, urls.start()),
              "cannot inline url(" + reference + ")" + (AssetResolver.isRemote(reference) ? ": it is on another host" : ": no such file in the theme, or an unknown file type"),
              "keep fonts and images in the theme's static folder and refer to them by relative path");
        }
      }
      urls.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    urls.appendTail(out);
    return out.toString();
  }

  /** A {@code data:} URI for a file reference, if it resolves and has a known type. */
  Optional<String> dataUri(String reference, Path from) {
    Optional<Path> file = resolver.resolve(reference, from);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> type = MediaTypes.of(file.get().getFileName().toString());
    if (type.isEmpty()) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Files.readAllBytes(file.get());
      return Optional.of("data:" + type.get() + ";base64," + Base64.getEncoder().encodeToString(bytes));
    } catch (IOException e) {
      problems.add(file.get(), 1, "cannot read asset: " + e.getMessage(), null);
      return Optional.empty();
    }
  }

  private static String first(String... options) {
    for (String option : options) {
      if (option != null) {
        return option;
      }
    }
    return "";
  }

  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}

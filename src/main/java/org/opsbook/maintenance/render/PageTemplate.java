package org.opsbook.maintenance.render;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;
import org.opsbook.theme.AssetCatalogue;
import org.opsbook.theme.PageRenderer;
import org.opsbook.theme.Theme;
import org.opsbook.theme.ThemeException;

/**
 * The theme's {@code maintenance} template, rendered by the site's own {@link PageRenderer}
 * (strict variables, autoescaping, the theme's lookup order and Pebble extension). Thread-safe.
 */
public final class PageTemplate {
  public static final String NAME = "maintenance";
  static final String RULE = "maintenance.template";
  private final Theme theme;
  private final PageRenderer renderer;
  private final Diagnostic loadProblem;

  public PageTemplate(Theme theme) {
    this.theme = theme;
    PageRenderer loaded = null;
    Diagnostic problem = null;
    try {
      loaded = new PageRenderer(theme, AssetCatalogue.load(theme), "/");
    } catch (ThemeException e) {
      problem = Diagnostic.error(new SourceSpan(e.file(), Math.max(1, e.line()), 1), RULE, e.getMessage());
    }
    this.renderer = loaded;
    this.loadProblem = problem;
  }

  /** The template file that will be used, if the theme has one. */
  public Optional<java.nio.file.Path> file() {
    return theme.template(NAME);
  }

  /** The rendered HTML, or a diagnostic naming the template and, when Pebble knows it, the line. */
  public Rendered render(Map<String, Object> context, String displayFile) {
    if (loadProblem != null) {
      return new Rendered(Optional.empty(), List.of(loadProblem));
    }
    if (file().isEmpty()) {
      return new Rendered(Optional.empty(), List.of(Diagnostic.error(new SourceSpan(displayFile, 1, 1), RULE,
              "the theme has no maintenance.peb template")
          .withHint("add templates/maintenance.peb to the theme, or copy it from themes/default")));
    }
    try {
      return new Rendered(Optional.of(renderer.render(NAME, context)), List.of());
    } catch (ThemeException e) {
      return new Rendered(Optional.empty(), List.of(Diagnostic.error(new SourceSpan(displayFile, Math.max(1, e.line()), 1), RULE,
          "render: " + e.getMessage()).withHint("fix the template; variables are strict")));
    }
  }

  /** HTML, or the diagnostics that prevented it. */
  public record Rendered(Optional<String> html, List<Diagnostic> diagnostics) {
    public Rendered {
      diagnostics = List.copyOf(diagnostics);
    }
  }
}

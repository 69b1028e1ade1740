package org.opsbook.maintenance.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.SourceSpan;

/**
 * The theme's {@code maintenance} template. Template folders are searched in order, so a site's
 * override comes before the default theme. Autoescaping and strict variables are on, as for the
 * rest of the site.
 */
public final class PageTemplate {
  public static final String NAME = "maintenance";
  static final String RULE = "maintenance.template";
  private final List<Path> templateDirs;
  private final PebbleEngine engine;

  public PageTemplate(List<Path> templateDirs) {
    this.templateDirs = List.copyOf(templateDirs);
    List<Loader<?>> loaders = new ArrayList<>();
    for (Path dir : this.templateDirs) {
      FileLoader loader = new FileLoader();
      loader.setPrefix(dir.toAbsolutePath().toString());
      loader.setSuffix(".peb");
      loaders.add(loader);
    }
    this.engine = new PebbleEngine.Builder()
        .loader(new DelegatingLoader(loaders))
        .strictVariables(true)
        .autoEscaping(true)
        .newLineTrimming(false)
        .cacheActive(false)
        .build();
  }

  /** The template file that would be used, for diagnostics. */
  public Optional<Path> file() {
    return templateDirs.stream().map(dir -> dir.resolve(NAME + ".peb")).filter(Files::isRegularFile).findFirst();
  }

  /** The rendered HTML, or a diagnostic naming the template and, when Pebble knows it, the line. */
  public Rendered render(Map<String, Object> context, String displayFile) {
    if (file().isEmpty()) {
      return new Rendered(Optional.empty(), List.of(Diagnostic.error(new SourceSpan(displayFile, 1, 1), RULE,
              "the theme has no maintenance.peb template")
          .withHint("add templates/maintenance.peb to the theme, or copy it from themes/default")));
    }
    try {
      PebbleTemplate template = engine.getTemplate(NAME);
      StringWriter out = new StringWriter();
      template.evaluate(out, context);
      return new Rendered(Optional.of(out.toString()), List.of());
    } catch (PebbleException e) {
      int line = e.getLineNumber() == null || e.getLineNumber() < 1 ? 1 : e.getLineNumber();
      return new Rendered(Optional.empty(), List.of(Diagnostic.error(new SourceSpan(displayFile, line, 1), RULE,
          "render: " + e.getPebbleMessage()).withHint("fix the template; variables are strict")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** HTML, or the diagnostics that prevented it. */
  public record Rendered(Optional<String> html, List<Diagnostic> diagnostics) {
    public Rendered {
      diagnostics = List.copyOf(diagnostics);
    }
  }
}

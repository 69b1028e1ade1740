package org.opsbook.theme;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders pages with Pebble: strict variables (a misspelt variable is an error, not an empty
 * string), autoescaping on, templates looked up through the theme's roots. Thread-safe.
 */
public final class PageRenderer {
  private final PebbleEngine engine;
  private final List<ThemeRoot> roots;

  public PageRenderer(Theme theme, AssetCatalogue assets, String basePath) {
    this.roots = theme.roots();
    List<Loader<?>> loaders = new ArrayList<>();
    for (ThemeRoot root : theme.roots()) {
      Loader<String> loader;
      if (root.templates().getFileSystem() == FileSystems.getDefault()) {
        FileLoader files = new FileLoader();
        files.setPrefix(root.templates().toString());
        loader = files;
      } else {
        ClasspathLoader classpath = new ClasspathLoader(PageRenderer.class.getClassLoader());
        classpath.setPrefix(root.templates().toString().substring(1));
        loader = classpath;
      }
      loader.setSuffix(".peb");
      loaders.add(loader);
    }
    this.engine = new PebbleEngine.Builder()
        .loader(new DelegatingLoader(loaders))
        .strictVariables(true)
        .autoEscaping(true)
        .addEscapingStrategy("html", new HtmlEscaping())
        .defaultLocale(Locale.ROOT)
        .extension(new OpsbookExtension(assets, basePath))
        .build();
  }

  /**
   * Renders a template.
   *
   * @param name the template name without {@code .peb}, such as {@code article}
   * @param model the variables the template sees
   */
  public String render(String name, Map<String, Object> model) throws ThemeException {
    try {
      PebbleTemplate template = engine.getTemplate(name);
      PageText out = new PageText(8192);
      template.evaluate(out, model, Locale.ROOT);
      return out.toString();
    } catch (PebbleException e) {
      Integer line = e.getLineNumber();
      throw new ThemeException(shown(e.getFileName() == null ? name : e.getFileName()), line == null ? 1 : line,
          e.getPebbleMessage(), e);
    } catch (IOException e) {
      throw new ThemeException(shown(name), 1, "cannot render: " + e.getMessage(), e);
    }
  }

  /** The template as the theme's lookup finds it, so that a message names the file to open. */
  private String shown(String template) {
    for (ThemeRoot root : roots) {
      if (root.template(template).isPresent()) {
        return root.shown(template);
      }
    }
    return template + ".peb";
  }
}

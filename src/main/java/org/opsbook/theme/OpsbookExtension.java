package org.opsbook.theme;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;

/**
 * The functions opsbook's templates may call.
 *
 * <ul>
 *   <li>{@code asset('css/site.css')}: the published, content-hashed URL of a theme asset; an
 *       unknown asset is a template error, so a typo cannot ship a broken stylesheet link.
 *   <li>{@code url('tags/')}: a site path prefixed with the base path.
 * </ul>
 */
final class OpsbookExtension extends AbstractExtension {
  private final AssetCatalogue assets;
  private final String basePath;

  OpsbookExtension(AssetCatalogue assets, String basePath) {
    this.assets = assets;
    this.basePath = basePath;
  }

  @Override
  public Map<String, Function> getFunctions() {
    return Map.of("asset", new AssetFunction(), "url", new UrlFunction());
  }

  private final class AssetFunction implements Function {
    @Override
    public List<String> getArgumentNames() {
      return List.of("path");
    }

    @Override
    public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
      String path = String.valueOf(args.get("path"));
      return basePath + assets.published(path).orElseThrow(() -> new PebbleException(null,
          "asset('" + path + "') names no file in the theme's static folders", line, self.getName()));
    }
  }

  private final class UrlFunction implements Function {
    @Override
    public List<String> getArgumentNames() {
      return List.of("path");
    }

    @Override
    public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
      String path = String.valueOf(args.get("path"));
      return basePath + (path.startsWith("/") ? path.substring(1) : path);
    }
  }
}

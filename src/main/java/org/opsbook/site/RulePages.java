package org.opsbook.site;

import org.opsbook.config.SiteConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.RuleInfo;
import org.opsbook.markdown.MarkdownPipeline;
import org.opsbook.publish.SiteOutput;
import org.opsbook.theme.PageRenderer;
import org.opsbook.theme.ThemeException;

/** The rule pages: {@code rules/} lists every rule and language, {@code rules/<id>/} explains one. */
final class RulePages {
  private final SiteConfig config;
  private final PageRenderer renderer;
  private final CheckerRegistry registry;
  private final MarkdownPipeline markdown;
  private final PageModels models;

  RulePages(SiteConfig config, PageRenderer renderer, CheckerRegistry registry, MarkdownPipeline markdown, PageModels models) {
    this.config = config;
    this.renderer = renderer;
    this.registry = registry;
    this.markdown = markdown;
    this.models = models;
  }

  /** Writes the pages and returns their site paths, for the sitemap. */
  List<String> write(SiteOutput out) throws IOException, ThemeException {
    List<Map<String, Object>> rules = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (RuleInfo rule : registry.rules()) {
      String path = "rules/" + rule.id().value() + "/";
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", rule.id().value());
      r.put("checker", rule.id().checker());
      r.put("severity", rule.severity().label());
      r.put("summary", rule.summary());
      r.put("wholeFile", rule.wholeFile());
      r.put("aliases", rule.aliases());
      r.put("url", config.basePath() + path);
      rules.add(r);
      paths.add(path);
      Map<String, Object> model = models.base(rule.id().value(), rule.summary(), path, "rule");
      model.put("rule", r);
      model.put("explanation", markdown.render(markdown.parse(rule.explanation()), new IdentityHashMap<>(),
          Map.of()));
      out.write(path + "index.html", renderer.render("rule", model));
    }
    Map<String, Object> model = models.base("Rules", "Every rule opsbook checks snippets with", "rules/", "rules");
    model.put("rules", rules);
    model.put("languages", languages());
    out.write("rules/index.html", renderer.render("rules", model));
    return paths;
  }

  private List<Map<String, Object>> languages() {
    List<Map<String, Object>> out = new ArrayList<>();
    registry.languages().forEach((language, checker) -> {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("language", language);
      l.put("checker", checker.id());
      out.add(l);
    });
    return out;
  }
}

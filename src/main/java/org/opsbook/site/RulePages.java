package org.opsbook.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.RuleInfo;
import org.opsbook.config.SiteConfig;

/**
 * The models of the rule pages: {@code rules/} lists every rule and language, {@code rules/<id>/}
 * explains one.
 */
final class RulePages {
  /** One rule's page: where it goes; its model is made by {@link #model}, on a worker. */
  record Page(String sitePath, RuleInfo rule, Map<String, Object> summary) {}

  private final SiteConfig config;
  private final CheckerRegistry registry;
  private final PageModels models;
  private final Function<RuleInfo, String> explanationHtml;
  private final List<Map<String, Object>> rules = new ArrayList<>();
  private final List<Page> pages = new ArrayList<>();

  /** @param explanationHtml a rule's explanation rendered from Markdown */
  RulePages(SiteConfig config, CheckerRegistry registry, PageModels models, Function<RuleInfo, String> explanationHtml) {
    this.config = config;
    this.registry = registry;
    this.models = models;
    this.explanationHtml = explanationHtml;
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
      pages.add(new Page(path, rule, r));
    }
  }

  /** What the {@code rule} template sees for one rule's page. */
  Map<String, Object> model(Page page) {
    Map<String, Object> model = models.base(page.rule().id().value(), page.rule().summary(), page.sitePath(), "rule");
    model.put("rule", page.summary());
    model.put("explanation", explanationHtml.apply(page.rule()));
    return model;
  }

  /** One page per rule, in rule order. */
  List<Page> pages() {
    return pages;
  }

  /** The model of {@code rules/}. */
  Map<String, Object> index() {
    Map<String, Object> model = models.base("Rules", "Every rule opsbook checks snippets with", "rules/", "rules");
    model.put("rules", rules);
    model.put("languages", languages());
    return model;
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

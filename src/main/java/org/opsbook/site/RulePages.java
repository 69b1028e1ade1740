package org.opsbook.site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.RuleInfo;
import org.opsbook.config.SiteConfig;
import org.opsbook.diag.Diagnostic;
import org.opsbook.maintenance.MaintenanceResult;
import org.opsbook.report.SnippetRecord;

/**
 * The models of the rule pages: {@code rules/} lists the rules and languages of the checkers the
 * site uses, {@code rules/<id>/} explains one. A checker the site does not use gets no pages: of a
 * one-article site's files they were 270 of 294, and most of its build ({@code opsbook explain
 * --list} lists every rule).
 */
final class RulePages {
  /** The checker of the pipeline's own rules, which every site uses. */
  static final String CORE = "opsbook";
  private static final String FOLDER = "rules/";

  /** One rule's page: where it goes; its model is made by {@link #model}, on a worker. */
  record Page(String sitePath, RuleInfo rule, Map<String, Object> summary) {}

  private final SiteConfig config;
  private final CheckerRegistry registry;
  private final PageModels models;
  private final Function<RuleInfo, String> explanationHtml;
  private final List<Map<String, Object>> rules = new ArrayList<>();
  private final List<Page> pages = new ArrayList<>();
  private final Set<String> shown;

  /**
   * @param explanationHtml a rule's explanation rendered from Markdown
   * @param shown the checkers whose rules get pages, as {@link #checkersShown} gives them
   */
  RulePages(SiteConfig config, CheckerRegistry registry, PageModels models, Function<RuleInfo, String> explanationHtml,
      Set<String> shown) {
    this.config = config;
    this.registry = registry;
    this.models = models;
    this.explanationHtml = explanationHtml;
    this.shown = shown;
    for (RuleInfo rule : registry.rules()) {
      if (!shown.contains(rule.id().checker())) {
        continue;
      }
      String path = FOLDER + rule.id().value() + "/";
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

  /**
   * The checkers whose rules get pages: the pipeline's own, every one some published article needs
   * ({@link #checkersOf}), and those a maintenance page's findings name, so that no rule link on the
   * site or in a report leads nowhere. A preview asks at every save, so it reads only what each
   * article worked out when it was processed.
   */
  static Set<String> checkersShown(List<ProcessedArticle> published, List<MaintenanceResult> maintenance) {
    Set<String> shown = new TreeSet<>();
    shown.add(CORE);
    for (ProcessedArticle a : published) {
      shown.addAll(a.ruleCheckers());
    }
    maintenance.forEach(m -> m.diagnostics().forEach(d -> shown.add(d.rule().checker())));
    return shown;
  }

  /**
   * The checkers whose rule pages one article needs: every checker that read one of its snippets,
   * the checker of every rule its findings name, and that of every rule page it links to.
   */
  static Set<String> checkersOf(CheckerRegistry registry, List<SnippetRecord> snippets, List<Diagnostic> diagnostics,
      List<IndexLookup> lookups) {
    Set<String> checkers = new HashSet<>();
    for (SnippetRecord s : snippets) {
      if (s.checked()) {
        registry.forLanguage(s.language()).ifPresent(c -> checkers.add(c.id()));
      }
    }
    diagnostics.forEach(d -> checkers.add(d.rule().checker()));
    for (IndexLookup lookup : lookups) {
      String path = lookup.target().sitePath();
      // A content page may live under rules/ too (rules/local-policy/): only a rule's page counts.
      if (lookup.target().exists() && path.length() > FOLDER.length() && path.startsWith(FOLDER)
          && path.endsWith("/")) {
        registry.rule(path.substring(FOLDER.length(), path.length() - 1)).ifPresent(r -> checkers.add(r.id().checker()));
      }
    }
    return checkers;
  }

  /** The site path of every rule's page, whether or not this site shows it: the ones a link may name. */
  static Set<String> paths(CheckerRegistry registry) {
    Set<String> paths = new HashSet<>();
    for (RuleInfo rule : registry.rules()) {
      paths.add(FOLDER + rule.id().value() + "/");
    }
    return paths;
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
    Map<String, Object> model = models.base("Rules", "The rules opsbook checks this site's snippets with", "rules/",
        "rules");
    model.put("rules", rules);
    model.put("languages", languages());
    return model;
  }

  private List<Map<String, Object>> languages() {
    List<Map<String, Object>> out = new ArrayList<>();
    registry.languages().forEach((language, checker) -> {
      if (!shown.contains(checker.id())) {
        return;
      }
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("language", language);
      l.put("checker", checker.id());
      out.add(l);
    });
    return out;
  }
}

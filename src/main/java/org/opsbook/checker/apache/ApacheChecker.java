package org.opsbook.checker.apache;

import java.util.List;
import java.util.Optional;
import org.opsbook.check.Answer;
import org.opsbook.check.CheckContext;
import org.opsbook.check.CheckerOption;
import org.opsbook.check.Comparison;
import org.opsbook.check.CoreRules;
import org.opsbook.check.Findings;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.ModelChecker;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestBlock;
import org.opsbook.check.TestCase;
import org.opsbook.checker.apache.catalogue.ModuleSet;
import org.opsbook.checker.apache.model.HttpdConfig;
import org.opsbook.checker.apache.model.Problem;
import org.opsbook.checker.apache.request.RequestQuestions;
import org.opsbook.checker.apache.rules.ApacheRules;
import org.opsbook.checker.apache.rules.LintRules;
import org.opsbook.checker.apache.syntax.ApacheHighlighter;

/**
 * Checks Apache httpd 2.4 configuration as Debian 12's apache2 reads it, with the modules of
 * {@code checkers.apache.modules} loaded; runs lint rules; answers request questions through its
 * model of virtual hosts, mod_rewrite, mod_alias, access control and mod_headers. Stateless.
 */
public final class ApacheChecker extends ModelChecker<HttpdConfig> {
  public static final String MODULES_OPTION = "apache.modules";
  private static final List<RuleInfo> RULES = ruleInfos(ApacheRules.READING, LintRules.ALL);

  @Override
  public String id() {
    return "apache";
  }

  @Override
  public List<String> languages() {
    return List.of("apache", "apacheconf", "httpd", "apache2");
  }

  @Override
  public List<RuleInfo> rules() {
    return RULES;
  }

  @Override
  public List<CheckerOption> options() {
    return List.of(CheckerOption.text("modules",
        String.join(",", ModuleSet.defaults().names().stream().filter(n -> !isStatic(n)).toList()),
        "the shared modules loaded (a2enmod names), or changes to the default such as +expires,-status",
        ModuleSet::problem));
  }

  private static boolean isStatic(String name) {
    return org.opsbook.checker.apache.catalogue.DirectiveCatalogue.module(name).map(m -> m.compiledIn()).orElse(false);
  }

  /** The module set a context asks for; the default when the option is missing or unreadable. */
  static ModuleSet modules(CheckContext context) {
    return context.option(MODULES_OPTION).flatMap(ModuleSet::parse).orElseGet(ModuleSet::defaults);
  }

  @Override
  protected HttpdConfig parse(Snippet snippet, CheckContext context, Findings findings) {
    Optional<HttpdConfig.Wrapping> wrapping = ConfigReader.wrapping(snippet);
    if (wrapping.isEmpty()) {
      RuleInfo attribute = CoreRules.ALL.stream().filter(r -> r.id().equals(CoreRules.ATTRIBUTE)).findFirst().orElseThrow();
      findings.reportSnippet(attribute, "context=" + snippet.attribute("context").orElse("")
          + " is not a place for an Apache snippet", "write context=server, virtualhost, directory or htaccess");
      return null;
    }
    ConfigReader.Reading reading = ConfigReader.read(snippet, modules(context), context.files(), wrapping.get());
    for (Problem p : reading.problems()) {
      RuleInfo rule = ApacheRules.forKind(p.kind());
      if (p.at().source().equals(snippet)) {
        findings.report(rule, p.at().line(), p.at().column(), p.message(), p.hint());
      } else {
        findings.reportAt(rule, p.at().span(), p.message(), p.hint());
      }
    }
    reading.unread().forEach(findings::markUnread);
    return reading.config();
  }

  @Override
  protected List<? extends Rule<? super HttpdConfig>> modelRules() {
    return LintRules.ALL;
  }

  @Override
  protected boolean hasExecutableModel() {
    return true;
  }

  @Override
  protected Answer answer(HttpdConfig model, TestCase testCase, TestBlock block, CheckContext context) {
    return RequestQuestions.answer(model, testCase, block);
  }

  @Override
  protected Comparison compare(TestCase testCase, Answer answer) {
    return RequestQuestions.compare(testCase, answer);
  }

  @Override
  public List<HighlightToken> highlight(String text, String language) {
    return ApacheHighlighter.highlight(text);
  }
}

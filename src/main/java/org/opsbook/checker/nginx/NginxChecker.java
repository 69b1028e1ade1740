package org.opsbook.checker.nginx;

import java.util.List;
import java.util.Optional;
import org.opsbook.check.Answer;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Comparison;
import org.opsbook.check.Findings;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.ModelChecker;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestBlock;
import org.opsbook.check.TestCase;
import org.opsbook.checker.nginx.model.NginxConfig;
import org.opsbook.checker.nginx.model.Source;
import org.opsbook.checker.nginx.model.Wrap;
import org.opsbook.checker.nginx.request.Questions;
import org.opsbook.checker.nginx.rules.LintRules;
import org.opsbook.checker.nginx.rules.NginxRules;
import org.opsbook.checker.nginx.syntax.NginxHighlighter;
import org.opsbook.checker.nginx.syntax.NginxParser;
import org.opsbook.checker.nginx.syntax.ParsedText;
import org.opsbook.checker.nginx.validate.ConfigValidator;
import org.opsbook.checker.nginx.validate.Includes;
import org.opsbook.checker.nginx.validate.Reporter;
import org.opsbook.checker.nginx.validate.Wrapping;

/**
 * Checks nginx configuration as Debian 12's nginx 1.22 reads it ({@code nginx -t}), runs lint
 * rules in the spirit of gixy, and answers which server and location serve a request and what
 * they answer. Stateless and thread-safe.
 */
public final class NginxChecker extends ModelChecker<NginxConfig> {
  private static final List<RuleInfo> RULES = ruleInfos(NginxRules.PARSER, LintRules.ALL);

  @Override
  public String id() {
    return "nginx";
  }

  @Override
  public String reference() {
    return "nginx 1.22.1";
  }

  @Override
  public List<String> languages() {
    return List.of("nginx", "nginx.conf");
  }

  @Override
  public List<RuleInfo> rules() {
    return RULES;
  }

  @Override
  protected NginxConfig parse(Snippet snippet, CheckContext context, Findings findings) {
    Reporter reporter = new Reporter(findings);
    Source source = new Source(snippet.attribute("file").orElse(snippet.origin().file()), snippet, true);
    ParsedText parsed = NginxParser.parse(source, snippet.isFragment());
    parsed.error().ifPresent(e -> findings.report(NginxRules.SYNTAX, e.line(), e.column(), e.message()));
    Includes.Expanded expanded = Includes.expand(parsed.directives(), context.files(), reporter);
    Optional<Wrap> named = snippet.attribute("context").flatMap(Wrapping::named);
    if (snippet.attribute("context").isPresent() && named.isEmpty()) {
      RuleInfo attribute = org.opsbook.check.CoreRules.ALL.stream()
          .filter(r -> r.id().equals(org.opsbook.check.CoreRules.ATTRIBUTE)).findFirst().orElseThrow();
      findings.reportSnippet(attribute, "context=" + snippet.attribute("context").get() + " is not a place nginx "
          + "reads directives", "write context=main, http, server or location");
    }
    Wrap wrap = named.orElseGet(() -> Wrapping.guess(expanded.directives()));
    ConfigValidator.validate(expanded.directives(), Wrapping.context(wrap), !snippet.isFragment(), reporter);
    return new NginxConfig(expanded.directives(), wrap, parsed.error().isEmpty() && expanded.complete());
  }

  @Override
  protected List<? extends Rule<? super NginxConfig>> modelRules() {
    return LintRules.ALL;
  }

  @Override
  protected boolean hasExecutableModel() {
    return true;
  }

  @Override
  protected Answer answer(NginxConfig model, TestCase testCase, TestBlock block, CheckContext context) {
    return Questions.answer(model, testCase, block);
  }

  @Override
  protected Comparison compare(TestCase testCase, Answer answer) {
    return Questions.compare(testCase, answer);
  }

  @Override
  public List<HighlightToken> highlight(String text, String language) {
    return NginxHighlighter.highlight(text);
  }
}

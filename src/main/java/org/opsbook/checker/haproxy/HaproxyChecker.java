package org.opsbook.checker.haproxy;

import java.util.List;
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
import org.opsbook.checker.haproxy.model.HaproxyConfig;
import org.opsbook.checker.haproxy.request.Answers;
import org.opsbook.checker.haproxy.request.QuestionReader;
import org.opsbook.checker.haproxy.request.RequestModel;
import org.opsbook.checker.haproxy.rules.HaproxyRules;
import org.opsbook.checker.haproxy.rules.LintRules;
import org.opsbook.checker.haproxy.syntax.HaproxyHighlighter;
import org.opsbook.checker.haproxy.validate.ConfigReader;

/**
 * Checks HAProxy configuration as Debian 12's HAProxy 2.6 reads it ({@code haproxy -c}), runs
 * lint rules for mistakes common in pasted configurations, and answers which ACLs match, which
 * rules fire and which backend or reply a request gets. Stateless and thread-safe.
 */
public final class HaproxyChecker extends ModelChecker<HaproxyConfig> {
  private static final List<RuleInfo> RULES = ruleInfos(HaproxyRules.PARSER, LintRules.ALL);

  @Override
  public String id() {
    return "haproxy";
  }

  @Override
  public String reference() {
    return "HAProxy 2.6";
  }

  @Override
  public List<String> languages() {
    return List.of("haproxy", "haproxy.cfg");
  }

  @Override
  public List<RuleInfo> rules() {
    return RULES;
  }

  @Override
  protected HaproxyConfig parse(Snippet snippet, CheckContext context, Findings findings) {
    return ConfigReader.read(snippet.text(), fileName(snippet), context.files(), findings);
  }

  /** How messages name the file: its {@code file=} path, the file linted, or haproxy.cfg for an article's snippet. */
  static String fileName(Snippet snippet) {
    String file = snippet.attribute("file").orElse(snippet.origin().file());
    return file.endsWith(".md") ? "haproxy.cfg" : file;
  }

  @Override
  protected List<? extends Rule<? super HaproxyConfig>> modelRules() {
    return LintRules.ALL;
  }

  @Override
  protected boolean hasExecutableModel() {
    return true;
  }

  @Override
  protected Answer answer(HaproxyConfig model, TestCase testCase, TestBlock block, CheckContext context) {
    QuestionReader.Read read = QuestionReader.read(testCase.question(), block.block().attribute("set-map").orElse(null));
    if (!read.ok()) {
      return Answer.unreadable(read.error(), read.hint());
    }
    return RequestModel.answer(model, read.request());
  }

  @Override
  protected Comparison compare(TestCase testCase, Answer answer) {
    return Answers.compare(testCase.expected(), answer.text());
  }

  @Override
  public List<HighlightToken> highlight(String text, String language) {
    return HaproxyHighlighter.highlight(text);
  }
}

package org.opsbook.checker.vcl;

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
import org.opsbook.checker.vcl.model.VclProgram;
import org.opsbook.checker.vcl.rules.VclLintRules;
import org.opsbook.checker.vcl.sim.RequestModel;
import org.opsbook.checker.vcl.rules.VclRules;
import org.opsbook.checker.vcl.syntax.VclHighlighter;
import org.opsbook.checker.vcl.syntax.VclParser;

/** Varnish VCL, as Varnish 7.1 compiles it (VCL 4.0 and 4.1). */
public final class VclChecker extends ModelChecker<VclProgram> {
  @Override
  public String id() {
    return "vcl";
  }

  @Override
  public String reference() {
    return "Varnish 7.1";
  }

  @Override
  public List<String> languages() {
    return List.of("vcl", "varnish");
  }

  @Override
  public List<RuleInfo> rules() {
    return ruleInfos(VclRules.ALL, modelRules());
  }

  @Override
  protected VclProgram parse(Snippet snippet, CheckContext context, Findings findings) {
    return VclParser.parse(snippet, context.files(), VclParser.DEFAULT_STEVEDORES, findings);
  }

  @Override
  protected boolean hasExecutableModel() {
    return true;
  }

  @Override
  protected Answer answer(VclProgram model, TestCase testCase, TestBlock block, CheckContext context) {
    return RequestModel.answer(model, testCase.question());
  }

  @Override
  protected Comparison compare(TestCase testCase, Answer answer) {
    return RequestModel.compare(testCase.question(), testCase.expected(), answer.text());
  }

  @Override
  protected String queryOutput(Answer answer) {
    StringBuilder out = new StringBuilder(answer.text()).append('\n');
    if (!answer.trace().isEmpty()) {
      out.append("\nhow:\n");
      for (String line : answer.trace().split("\n")) {
        out.append("  ").append(line).append('\n');
      }
    }
    return out.toString();
  }

  @Override
  public List<HighlightToken> highlight(String text, String language) {
    return VclHighlighter.highlight(text);
  }

  private static final List<Rule<VclProgram>> RULES = VclLintRules.ALL;

  @Override
  protected List<? extends Rule<? super VclProgram>> modelRules() {
    return RULES;
  }
}

package org.opsbook.checker.iptables;

import java.util.ArrayList;
import java.util.List;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Checker;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.QueryResult;
import org.opsbook.check.RuleInfo;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestBlock;
import org.opsbook.check.TestReport;
import org.opsbook.checker.iptables.model.Command;
import org.opsbook.checker.iptables.model.Rule;
import org.opsbook.checker.iptables.rules.AcceptAllFirst;
import org.opsbook.checker.iptables.rules.DropWithoutEstablished;
import org.opsbook.checker.iptables.rules.LintInput;
import org.opsbook.checker.iptables.rules.LintRule;
import org.opsbook.checker.iptables.rules.LocalnetRedirect;
import org.opsbook.checker.iptables.rules.NeverMatches;
import org.opsbook.checker.iptables.rules.ShadowedRule;
import org.opsbook.checker.iptables.rules.StateMatch;
import org.opsbook.checker.iptables.sim.TestRunner;
import org.opsbook.checker.iptables.syntax.Findings;
import org.opsbook.checker.iptables.syntax.IptablesHighlighter;
import org.opsbook.checker.iptables.syntax.IptablesParser;
import org.opsbook.diag.Diagnostic;

/**
 * Checks iptables and ip6tables snippets, as command lines or save files, against iptables 1.8,
 * lints the resulting rule set and runs {@code test} blocks through the packet simulator.
 * Stateless and thread-safe.
 */
public final class IptablesChecker implements Checker {
  private static final List<LintRule> LINTS = List.of(
      new ShadowedRule(), new AcceptAllFirst(), new StateMatch(), new DropWithoutEstablished(),
      new LocalnetRedirect(), new NeverMatches());
  private static final List<RuleInfo> RULES = catalogue();

  private static List<RuleInfo> catalogue() {
    List<RuleInfo> all = new ArrayList<>(ErrorRules.ALL);
    LINTS.forEach(l -> all.add(l.info()));
    return List.copyOf(all);
  }

  @Override
  public String id() {
    return "iptables";
  }

  @Override
  public List<String> languages() {
    return List.of("iptables", "ip6tables", "iptables-save", "iptables-restore", "ip6tables-save", "ip6tables-restore");
  }

  @Override
  public List<RuleInfo> rules() {
    return RULES;
  }

  @Override
  public List<Diagnostic> check(Snippet snippet, CheckContext context) {
    IptablesParser.Result parsed = IptablesParser.parse(snippet, earlierInScope(snippet, context));
    List<Diagnostic> out = new ArrayList<>(parsed.diagnostics());
    List<Rule> own = new ArrayList<>();
    for (Command c : parsed.commands()) {
      if (c.rule() != null) {
        own.add(c.rule());
      }
    }
    StringBuilder article = new StringBuilder(snippet.text());
    context.articleSnippets().forEach(s -> article.append('\n').append(s.text()));
    LintInput input = LintInput.of(parsed.ruleset(), own, article.toString(), snippet.isFragment());
    Findings findings = new Findings(snippet);
    for (LintRule lint : LINTS) {
      if (lint.info().wholeFile() && snippet.isFragment()) {
        continue;
      }
      lint.check(input, findings);
    }
    out.addAll(findings.diagnostics());
    out.sort(null);
    return List.copyOf(out);
  }

  /**
   * The earlier snippets whose rules this one builds on: all earlier iptables snippets of the
   * article when this snippet says {@code scope=article}, otherwise the earlier ones that say it.
   */
  static List<Snippet> earlierInScope(Snippet snippet, CheckContext context) {
    boolean all = "article".equals(snippet.attribute("scope").orElse(""));
    List<Snippet> out = new ArrayList<>();
    for (Snippet s : context.articleSnippets()) {
      if (s == snippet || !s.language().contains("tables") || s.attribute("check").map("off"::equals).orElse(false)) {
        continue;
      }
      if (all || "article".equals(s.attribute("scope").orElse(""))) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  public TestReport runTests(Snippet subject, TestBlock testBlock, CheckContext context) {
    Snippet tests = testBlock.block();
    return new TestRunner().run(subject, earlierInScope(subject, context), articleText(context), tests);
  }

  @Override
  public QueryResult query(Snippet subject, String query, CheckContext context) {
    return new TestRunner().query(subject, earlierInScope(subject, context), articleText(context), query);
  }

  private static String articleText(CheckContext context) {
    StringBuilder sb = new StringBuilder();
    context.articleSnippets().forEach(s -> sb.append(s.text()).append('\n'));
    return sb.toString();
  }

  @Override
  public List<HighlightToken> highlight(String text, String language) {
    return IptablesHighlighter.highlight(text, language);
  }
}

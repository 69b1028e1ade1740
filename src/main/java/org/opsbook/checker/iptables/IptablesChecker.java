package org.opsbook.checker.iptables;

import java.util.ArrayList;
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
import org.opsbook.checker.iptables.model.Replay;
import org.opsbook.checker.iptables.rules.AcceptAllFirst;
import org.opsbook.checker.iptables.rules.DropWithoutEstablished;
import org.opsbook.checker.iptables.rules.LocalnetRedirect;
import org.opsbook.checker.iptables.rules.NeverMatches;
import org.opsbook.checker.iptables.rules.ShadowedRule;
import org.opsbook.checker.iptables.rules.StateMatch;
import org.opsbook.checker.iptables.sim.HostAddresses;
import org.opsbook.checker.iptables.sim.PacketQuestion;
import org.opsbook.checker.iptables.sim.PacketSimulator;
import org.opsbook.checker.iptables.sim.Verdict;
import org.opsbook.checker.iptables.sim.VerdictComparison;
import org.opsbook.checker.iptables.syntax.IptablesHighlighter;
import org.opsbook.checker.iptables.syntax.IptablesParser;

/**
 * Checks iptables and ip6tables snippets, as command lines or save files, against iptables 1.8,
 * lints the resulting rule set and answers packet questions with the packet simulator.
 * Stateless and thread-safe.
 */
public final class IptablesChecker extends ModelChecker<Replay> {
  private static final List<Rule<Replay>> RULES = List.of(
      new ShadowedRule(), new AcceptAllFirst(), new StateMatch(), new DropWithoutEstablished(),
      new LocalnetRedirect(), new NeverMatches());
  private static final List<RuleInfo> CATALOGUE = ruleInfos(IptablesRules.PARSER, RULES);

  @Override
  public String id() {
    return "iptables";
  }

  @Override
  public String reference() {
    return "iptables 1.8.9";
  }

  @Override
  public List<String> languages() {
    return List.of("iptables", "ip6tables", "iptables-save", "iptables-restore", "ip6tables-save", "ip6tables-restore");
  }

  @Override
  public List<RuleInfo> rules() {
    return CATALOGUE;
  }

  @Override
  protected Replay parse(Snippet snippet, CheckContext context, Findings findings) {
    // What the article shows anywhere, before or after this snippet: a sysctl that turns on
    // route_localnet usually comes after the rule that needs it.
    StringBuilder article = new StringBuilder(snippet.text());
    context.articleSnippets().stream().filter(s -> s != snippet).forEach(s -> article.append('\n').append(s.text()));
    return IptablesParser.read(snippet, earlierInScope(snippet, context), article.toString(), findings);
  }

  @Override
  protected List<Rule<Replay>> modelRules() {
    return RULES;
  }

  /**
   * The earlier snippets whose rules this one builds on: all earlier iptables snippets of the
   * article when this snippet says {@code scope=article}, otherwise the earlier ones that say it.
   */
  static List<Snippet> earlierInScope(Snippet snippet, CheckContext context) {
    boolean all = "article".equals(snippet.attribute("scope").orElse(""));
    List<Snippet> out = new ArrayList<>();
    for (Snippet s : context.articleSnippets()) {
      if (s == snippet) {
        break;
      }
      if (!s.language().contains("tables") || s.attribute("check").map("off"::equals).orElse(false)) {
        continue;
      }
      if (all || "article".equals(s.attribute("scope").orElse(""))) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  protected boolean hasExecutableModel() {
    return true;
  }

  @Override
  protected Answer answer(Replay model, TestCase testCase, TestBlock block, CheckContext context) {
    if (model.ruleset().family().equals("ipv6")) {
      return Answer.cannotEvaluate("the packet simulator models IPv4 rule sets only; state IPv6 behaviour in prose, or test the IPv4 counterpart");
    }
    PacketQuestion.Parsed question = PacketQuestion.parse(testCase.question());
    if (question.error() != null) {
      return Answer.unreadable(question.error(), "a packet reads " + PacketQuestion.GRAMMAR
          + ", and a test case adds => [REWRITE, ...] VERDICT, for example: tcp 198.51.100.7:5555 -> 10.0.0.1:22 in=eth0 => DROP");
    }
    String hostText = question.host() != null ? question.host() : model.hostAttribute();
    HostAddresses host = hostText != null ? HostAddresses.declared(hostText) : HostAddresses.inferred(model.ruleset());
    boolean routeLocalnet = model.articleText().replace(" ", "").contains("route_localnet=1");
    Verdict verdict = new PacketSimulator(model.ruleset(), host, routeLocalnet).simulate(question.packet());
    StringBuilder trace = new StringBuilder("packet: ").append(question.packet().describe()).append('\n');
    verdict.trace().forEach(t -> trace.append(t).append('\n'));
    return Answer.of(verdict.outcome(), trace.toString());
  }

  @Override
  protected Comparison compare(TestCase testCase, Answer answer) {
    return VerdictComparison.compare(testCase.expected(), answer.text());
  }

  @Override
  public List<HighlightToken> highlight(String text, String language) {
    return IptablesHighlighter.highlight(text, language);
  }
}

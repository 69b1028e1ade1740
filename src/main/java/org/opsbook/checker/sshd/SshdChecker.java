package org.opsbook.checker.sshd;

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
import org.opsbook.checker.sshd.catalog.OpensshVersion;
import org.opsbook.checker.sshd.effective.ConnectionSpec;
import org.opsbook.checker.sshd.effective.EffectiveConfigBuilder;
import org.opsbook.checker.sshd.effective.TestBlockRunner;
import org.opsbook.checker.sshd.rules.ParserRules;
import org.opsbook.checker.sshd.rules.RuleInput;
import org.opsbook.checker.sshd.rules.SshdRule;
import org.opsbook.checker.sshd.rules.SshdRules;
import org.opsbook.checker.sshd.syntax.ParseResult;
import org.opsbook.checker.sshd.syntax.SshdHighlighter;
import org.opsbook.checker.sshd.syntax.SshdParser;
import org.opsbook.diag.Diagnostic;

/**
 * Checks OpenSSH server configuration ({@code sshd_config}) the way sshd reads it, runs hardening
 * rules, and answers {@code sshd -T -C} style questions through its effective-config model.
 * Stateless and thread-safe.
 */
public final class SshdChecker implements Checker {
  private static final List<RuleInfo> RULES = SshdRules.infos();

  @Override
  public String id() {
    return "sshd";
  }

  @Override
  public List<String> languages() {
    return List.of("sshd_config", "sshd");
  }

  @Override
  public List<RuleInfo> rules() {
    return RULES;
  }

  @Override
  public List<Diagnostic> check(Snippet snippet, CheckContext context) {
    List<Diagnostic> out = new ArrayList<>();
    OpensshVersion release = release(snippet, context, out);
    ParseResult parsed = SshdParser.parse(snippet, release);
    out.addAll(parsed.diagnostics());
    RuleInput input = new RuleInput(snippet, parsed.config(), () -> EffectiveConfigBuilder.global(parsed.config()));
    for (SshdRule rule : SshdRules.CONSISTENCY) {
      if (!(snippet.isFragment() && rule.info().wholeFile())) {
        rule.check(input, out);
      }
    }
    for (SshdRule rule : SshdRules.SECURITY) {
      if (!(snippet.isFragment() && rule.info().wholeFile())) {
        rule.check(input, out);
      }
    }
    out.sort(null);
    return out;
  }

  @Override
  public TestReport runTests(Snippet subject, TestBlock testBlock, CheckContext context) {
    Snippet tests = testBlock.block();
    OpensshVersion release = release(subject, context, new ArrayList<>());
    return TestBlockRunner.run(SshdParser.parse(subject, release), subject, tests);
  }

  @Override
  public QueryResult query(Snippet subject, String query, CheckContext context) {
    List<Diagnostic> problems = new ArrayList<>();
    OpensshVersion release = release(subject, context, problems);
    ParseResult parsed = SshdParser.parse(subject, release);
    if (parsed.hasErrors()) {
      return QueryResult.failed(parsed.diagnostics().stream().filter(Diagnostic::isError).toList());
    }
    ConnectionSpec.Parsed spec = ConnectionSpec.parse(query);
    if (spec.spec() == null) {
      return QueryResult.failed(List.of(Diagnostic.error(subject.fence(), "sshd.bad-query", spec.error())
          .withHint("write e.g. user=alice,host=laptop.example,addr=203.0.113.9,laddr=192.0.2.1,lport=22")));
    }
    EffectiveConfigBuilder.Result result = EffectiveConfigBuilder.build(parsed.config(), spec.spec());
    if (result.config() == null) {
      return QueryResult.failed(List.of(Diagnostic.error(
          result.errorLine() > 0 ? subject.at(result.errorLine(), 1) : subject.fence(), "sshd.bad-query",
          result.error())));
    }
    return QueryResult.found(result.config().render());
  }

  @Override
  public List<HighlightToken> highlight(String text, String language) {
    return SshdHighlighter.highlight(text);
  }

  private static OpensshVersion release(Snippet snippet, CheckContext context, List<Diagnostic> out) {
    String configured = context.option("sshd.version").orElse(null);
    if (configured == null) {
      return OpensshVersion.DEFAULT;
    }
    return OpensshVersion.parse(configured).orElseGet(() -> {
      out.add(new Diagnostic(snippet.fence(), ParserRules.BAD_OPTION.id(), ParserRules.BAD_OPTION.severity(),
          "sshd.version '" + configured + "' is not an OpenSSH release number; checking against "
              + OpensshVersion.DEFAULT, "write a release such as 9.2 or 9.6p1"));
      return OpensshVersion.DEFAULT;
    });
  }
}

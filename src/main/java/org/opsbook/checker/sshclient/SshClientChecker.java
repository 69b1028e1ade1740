package org.opsbook.checker.sshclient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opsbook.check.Answer;
import org.opsbook.check.CheckContext;
import org.opsbook.check.CheckerOption;
import org.opsbook.check.Comparison;
import org.opsbook.check.Findings;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.ModelChecker;
import org.opsbook.check.Rule;
import org.opsbook.check.RuleInfo;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestBlock;
import org.opsbook.check.TestCase;
import org.opsbook.checker.openssh.ExpectedPairs;
import org.opsbook.checker.openssh.OpensshVersion;
import org.opsbook.checker.sshclient.catalogue.KeywordCatalogue;
import org.opsbook.checker.sshclient.effective.ConnectionSpec;
import org.opsbook.checker.sshclient.effective.EffectiveConfig;
import org.opsbook.checker.sshclient.effective.EffectiveConfigResolver;
import org.opsbook.checker.sshclient.model.SshConfig;
import org.opsbook.checker.sshclient.rules.ControlPathNotUniqueRule;
import org.opsbook.checker.sshclient.rules.DuplicateKeywordRule;
import org.opsbook.checker.sshclient.rules.ForwardAgentEverywhereRule;
import org.opsbook.checker.sshclient.rules.ForwardX11TrustedRule;
import org.opsbook.checker.sshclient.rules.GatewayPortsRule;
import org.opsbook.checker.sshclient.rules.KnownHostsDiscardedRule;
import org.opsbook.checker.sshclient.rules.ProxyCommandAndJumpRule;
import org.opsbook.checker.sshclient.rules.ShadowedByEarlierBlockRule;
import org.opsbook.checker.sshclient.rules.SshClientRules;
import org.opsbook.checker.sshclient.rules.StrictHostKeyCheckingOffRule;
import org.opsbook.checker.sshclient.rules.WeakAlgorithmRule;
import org.opsbook.checker.sshclient.syntax.DirectiveValidator;
import org.opsbook.checker.sshclient.syntax.SshConfigHighlighter;
import org.opsbook.checker.sshclient.syntax.SshConfigParser;

/**
 * Checks OpenSSH client configuration ({@code ssh_config}, {@code ~/.ssh/config}) against the
 * release named by the {@code ssh.version} option (default 9.2), and resolves the configuration
 * ssh would use for a destination, as {@code ssh -G} prints it.
 *
 * <p>A test case asks {@code host=NAME [user=U] [localuser=L] [exec=true|false]} and expects
 * {@code keyword value} pairs, separated by commas or line breaks. {@code user=} is a user given
 * on the command line ({@code ssh -l}); {@code localuser=} the local account (default {@code
 * user}); {@code Match exec} commands are never run, they are assumed to fail unless {@code
 * exec=true}. A keyword that ssh would not print (an unset ProxyJump, say) matches the value
 * {@code none}. Stateless.
 */
public final class SshClientChecker extends ModelChecker<SshConfig> {
  private static final List<Rule<SshConfig>> RULES = List.of(
      new DuplicateKeywordRule(), new ShadowedByEarlierBlockRule(), new StrictHostKeyCheckingOffRule(),
      new KnownHostsDiscardedRule(), new ForwardAgentEverywhereRule(), new ForwardX11TrustedRule(),
      new WeakAlgorithmRule(), new GatewayPortsRule(), new ProxyCommandAndJumpRule(), new ControlPathNotUniqueRule());
  private static final CheckerOption VERSION = CheckerOption.version("version", OpensshVersion.DEBIAN_12.toString(),
      "the OpenSSH release the ssh_config snippets are checked against, from 8.0 on",
      v -> OpensshVersion.problem(v, KeywordCatalogue.OLDEST));
  private static final String QUESTION_HINT = "write host=NAME [user=U] [localuser=L] [exec=true|false]";

  @Override
  public String id() {
    return "ssh";
  }

  @Override
  public String reference() {
    return "OpenSSH " + OpensshVersion.DEBIAN_12;
  }

  @Override
  public List<String> languages() {
    return List.of("ssh_config", "ssh-config");
  }

  @Override
  public List<RuleInfo> rules() {
    return SshClientRules.ALL;
  }

  @Override
  public List<CheckerOption> options() {
    return List.of(VERSION);
  }

  @Override
  protected SshConfig parse(Snippet snippet, CheckContext context, Findings findings) {
    OpensshVersion version = version(context, findings);
    SshConfig config = SshConfigParser.parse(snippet.text(), findings);
    DirectiveValidator.check(config, version, findings);
    return config;
  }

  @Override
  protected List<Rule<SshConfig>> modelRules() {
    return RULES;
  }

  @Override
  protected boolean hasExecutableModel() {
    return true;
  }

  /** The targeted release; an unreadable option is reported once and 9.2 is used. */
  private static OpensshVersion version(CheckContext context, Findings findings) {
    Optional<String> option = context.option("ssh." + VERSION.key());
    if (option.isEmpty()) {
      return OpensshVersion.DEBIAN_12;
    }
    Optional<String> problem = VERSION.problem(option.get());
    if (problem.isPresent() && findings != null) {
      findings.reportSnippet(SshClientRules.BAD_VERSION_OPTION,
          "ssh.version: " + problem.get() + "; checking against " + OpensshVersion.DEBIAN_12,
          "set checkers.ssh.version in opsbook.yaml to a release such as 9.2");
    }
    return problem.isPresent() ? OpensshVersion.DEBIAN_12 : OpensshVersion.parse(option.get()).orElseThrow();
  }

  @Override
  protected Answer answer(SshConfig model, TestCase testCase, TestBlock block, CheckContext context) {
    List<String> problems = new ArrayList<>();
    ConnectionSpec connection = ConnectionSpec.parse(testCase.question(), problems);
    if (connection == null || !problems.isEmpty()) {
      return Answer.unreadable(String.join("; ", problems), QUESTION_HINT);
    }
    EffectiveConfig config = EffectiveConfigResolver.resolve(model, connection, version(context, null));
    return Answer.of(config.render());
  }

  /** Each expected {@code keyword value} pair must be a line {@code ssh -G} prints; unprinted means {@code none}. */
  @Override
  protected Comparison compare(TestCase testCase, Answer answer) {
    ExpectedPairs.Parsed expected = ExpectedPairs.parse(testCase.expected());
    if (!expected.isReadable()) {
      return Comparison.unreadable("expectation '" + expected.badPiece() + "' needs a keyword and a value",
          "write keyword value, such as port 2222; separate pairs with commas");
    }
    EffectiveConfig config = EffectiveConfig.read(answer.text());
    List<String> failures = new ArrayList<>();
    for (ExpectedPairs.Pair pair : expected.pairs()) {
      List<String> got = config.values(pair.keyword());
      boolean ok = got.isEmpty() ? pair.value().equalsIgnoreCase("none") : got.contains(pair.value());
      if (!ok) {
        failures.add(pair.keyword() + ": expected " + pair.value() + ", ssh -G would print "
            + (got.isEmpty() ? "nothing" : String.join(" | ", got)));
      }
    }
    return failures.isEmpty() ? Comparison.agree() : Comparison.differ(String.join("; ", failures));
  }

  @Override
  public List<HighlightToken> highlight(String text, String language) {
    return SshConfigHighlighter.highlight(text);
  }
}

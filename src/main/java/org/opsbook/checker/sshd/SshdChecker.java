package org.opsbook.checker.sshd;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
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
import org.opsbook.checker.sshd.effective.ConnectionSpec;
import org.opsbook.checker.sshd.effective.EffectiveConfig;
import org.opsbook.checker.sshd.effective.EffectiveConfigBuilder;
import org.opsbook.checker.sshd.effective.HostGroups;
import org.opsbook.checker.sshd.effective.LoadedConfig;
import org.opsbook.checker.sshd.model.MatchBlock;
import org.opsbook.checker.sshd.model.SshdConfig;
import org.opsbook.checker.sshd.rules.AgentForwardingRule;
import org.opsbook.checker.sshd.rules.AuthenticationMethodsRule;
import org.opsbook.checker.sshd.rules.CommandUserRule;
import org.opsbook.checker.sshd.rules.DuplicateKeywordRule;
import org.opsbook.checker.sshd.rules.DuplicateSubsystemRule;
import org.opsbook.checker.sshd.rules.GatewayPortsRule;
import org.opsbook.checker.sshd.rules.HostbasedAuthenticationRule;
import org.opsbook.checker.sshd.rules.IgnoreRhostsRule;
import org.opsbook.checker.sshd.rules.ListenAddressFamilyRule;
import org.opsbook.checker.sshd.rules.LogLevelRule;
import org.opsbook.checker.sshd.rules.MatchShadowRule;
import org.opsbook.checker.sshd.rules.MaxAuthTriesRule;
import org.opsbook.checker.sshd.rules.MissingAccessListRule;
import org.opsbook.checker.sshd.rules.PasswordAuthenticationDefaultRule;
import org.opsbook.checker.sshd.rules.PasswordAuthenticationRule;
import org.opsbook.checker.sshd.rules.PermitEmptyPasswordsRule;
import org.opsbook.checker.sshd.rules.PermitRootLoginRule;
import org.opsbook.checker.sshd.rules.PermitUserEnvironmentRule;
import org.opsbook.checker.sshd.rules.SshdRules;
import org.opsbook.checker.sshd.rules.StrictModesRule;
import org.opsbook.checker.sshd.rules.UseDnsRule;
import org.opsbook.checker.sshd.rules.WeakCipherRule;
import org.opsbook.checker.sshd.rules.WeakHostKeyAlgorithmRule;
import org.opsbook.checker.sshd.rules.WeakKexRule;
import org.opsbook.checker.sshd.rules.WeakMacRule;
import org.opsbook.checker.sshd.rules.X11ForwardingRule;
import org.opsbook.checker.sshd.syntax.SshdHighlighter;
import org.opsbook.checker.sshd.syntax.SshdParser;
import org.opsbook.diag.Diagnostic;

/**
 * Checks OpenSSH server configuration ({@code sshd_config}) the way sshd loads it, includes and
 * all, runs hardening rules, and answers {@code sshd -T -C} questions through its effective-config
 * model.
 *
 * <p>A test case asks about a connection as {@code sshd -T -C} takes it ({@code user=alice
 * addr=203.0.113.9 host=... laddr=... lport=...}, plus {@code groups=} for {@code Match Group}) and
 * expects {@code keyword value} pairs, in any order, each of which must be a line {@code sshd -T}
 * prints for that connection. Stateless and thread-safe.
 */
public final class SshdChecker extends ModelChecker<LoadedConfig> {
  private static final List<Rule<LoadedConfig>> RULES = List.of(
      new DuplicateKeywordRule(), new DuplicateSubsystemRule(), new CommandUserRule(), new AuthenticationMethodsRule(),
      new MatchShadowRule(), new ListenAddressFamilyRule(),
      new PermitRootLoginRule(), new PasswordAuthenticationRule(), new PasswordAuthenticationDefaultRule(),
      new PermitEmptyPasswordsRule(), new WeakCipherRule(), new WeakMacRule(), new WeakKexRule(),
      new WeakHostKeyAlgorithmRule(), new X11ForwardingRule(), new AgentForwardingRule(), new MaxAuthTriesRule(),
      new MissingAccessListRule(), new PermitUserEnvironmentRule(), new HostbasedAuthenticationRule(),
      new IgnoreRhostsRule(), new StrictModesRule(), new GatewayPortsRule(), new LogLevelRule(), new UseDnsRule());
  private static final CheckerOption VERSION = CheckerOption.version("version", OpensshVersion.DEBIAN_12.toString(),
      "the OpenSSH release the sshd_config snippets are checked against",
      v -> OpensshVersion.problem(v, OpensshVersion.of(3, 0)));
  private static final String QUESTION_HINT =
      "write e.g. user=alice,host=laptop.example,addr=203.0.113.9,laddr=192.0.2.1,lport=22";

  @Override
  public String id() {
    return "sshd";
  }

  @Override
  public String reference() {
    return "OpenSSH " + OpensshVersion.DEBIAN_12;
  }

  @Override
  public List<String> languages() {
    return List.of("sshd_config", "sshd");
  }

  @Override
  public List<RuleInfo> rules() {
    return SshdRules.ALL;
  }

  @Override
  public List<CheckerOption> options() {
    return List.of(VERSION);
  }

  @Override
  protected LoadedConfig parse(Snippet snippet, CheckContext context, Findings findings) {
    OpensshVersion release = release(context, findings);
    SshdConfig config = SshdParser.parse(snippet, context.files(), checkedOnItsOwn(snippet, context), release,
        findings);
    return new LoadedConfig(config, release);
  }

  /**
   * Whether an included snippet gets a check of its own: an article's {@code sshd_config} snippets
   * with a {@code file=} path do; files on disk (only the file given is checked) and snippets of
   * other languages do not.
   */
  private Predicate<Snippet> checkedOnItsOwn(Snippet main, CheckContext context) {
    if (context.files().isWholeTree()) {
      return s -> false;
    }
    return s -> !s.fence().equals(main.fence()) && s.attribute("file").isPresent()
        && languages().contains(s.language()) && !s.attribute("check").orElse("on").equals("off");
  }

  @Override
  protected List<Rule<LoadedConfig>> modelRules() {
    return RULES;
  }

  private static OpensshVersion release(CheckContext context, Findings findings) {
    Optional<String> configured = context.option("sshd." + VERSION.key());
    if (configured.isEmpty()) {
      return OpensshVersion.DEBIAN_12;
    }
    Optional<String> problem = VERSION.problem(configured.get());
    if (problem.isPresent()) {
      findings.reportSnippet(SshdRules.BAD_OPTION, "sshd.version: " + problem.get() + "; checking against "
          + OpensshVersion.DEBIAN_12, "set checkers.sshd.version in opsbook.yaml to a release such as 9.2 or 9.6p1");
      return OpensshVersion.DEBIAN_12;
    }
    return OpensshVersion.parse(configured.get()).orElseThrow();
  }

  @Override
  protected boolean hasExecutableModel() {
    return true;
  }

  @Override
  protected Optional<String> whyTestsCannotRun(LoadedConfig model, List<Diagnostic> diagnostics) {
    Optional<String> here = super.whyTestsCannotRun(model, diagnostics);
    if (here.isPresent() || model.config().refusedElsewhere().isEmpty()) {
      return here;
    }
    return Optional.of("an included file has errors, so sshd would not start (first: "
        + model.config().refusedElsewhere().get(0) + ")");
  }

  @Override
  protected Answer answer(LoadedConfig model, TestCase testCase, TestBlock block, CheckContext context) {
    ConnectionSpec.Parsed parsed = ConnectionSpec.parse(testCase.question());
    if (parsed.spec() == null) {
      return Answer.unreadable(parsed.error(), QUESTION_HINT);
    }
    ConnectionSpec spec = parsed.spec();
    SshdConfig config = model.config();
    Optional<MatchBlock> groupBlock = config.blocks().stream()
        .filter(b -> b.valid() && b.criteria().stream().anyMatch(c -> c.lowerAttribute().equals("group"))).findFirst();
    if (groupBlock.isPresent() && spec.user() != null && spec.groups() == null) {
      // sshd -T -C looks the user's groups up on the host; so does a query on the host's files.
      // A test in a build never reads the host, so it has to say.
      boolean onHost = testCase.expected().isEmpty() && context.files().isWholeTree();
      if (!onHost) {
        return Answer.cannotEvaluate("'Match " + groupBlock.get().describe() + "' on "
            + config.where(groupBlock.get().file(), groupBlock.get().line()) + " needs the groups of " + spec.user()
            + ": add groups=NAME (one per group, or groups= for none) to the case; a build never reads the host's"
            + " group database");
      }
      spec = spec.withGroups(HostGroups.of(context.files(), spec.user()));
    }
    EffectiveConfigBuilder.Result result = EffectiveConfigBuilder.build(config, spec);
    if (result.config() == null) {
      if (result.error().contains("'lport' not in")) {
        return Answer.unreadable(result.error(), "add lport=PORT to the question, as sshd -T -C needs it too");
      }
      return Answer.cannotEvaluate("sshd -T would stop: " + result.error());
    }
    List<MatchBlock> hit = EffectiveConfigBuilder.matchingBlocks(config, spec);
    String trace = hit.isEmpty() ? "no Match block applies"
        : "Match blocks applied: " + String.join("; ", hit.stream()
            .map(b -> config.where(b.file(), b.line()) + " (" + b.describe() + ")").toList());
    return Answer.of(result.config().render(), trace);
  }

  /**
   * Each expected {@code keyword value} pair must be one of the lines {@code sshd -T} prints;
   * order does not matter. A value with {@code %u} or {@code %%}, which sshd expands only when the
   * session starts, also matches its expanded form.
   */
  @Override
  protected Comparison compare(TestCase testCase, Answer answer) {
    ExpectedPairs.Parsed expected = ExpectedPairs.parse(testCase.expected());
    if (!expected.isReadable()) {
      return Comparison.unreadable("expectation '" + expected.badPiece() + "' is not 'keyword value'",
          "separate pairs with commas: forcecommand internal-sftp, x11forwarding no");
    }
    ConnectionSpec spec = ConnectionSpec.parse(testCase.question()).value().orElse(ConnectionSpec.NONE);
    EffectiveConfig dump = EffectiveConfig.read(answer.text());
    List<String> failures = new ArrayList<>();
    for (ExpectedPairs.Pair pair : expected.pairs()) {
      List<String> actual = dump.values(pair.keyword());
      if (actual.isEmpty()) {
        failures.add(pair.keyword() + ": expected '" + pair.value() + "' but sshd -T prints no such keyword");
      } else if (actual.stream().noneMatch(a -> a.equals(pair.value()) || expand(a, spec).equals(pair.value()))) {
        failures.add(pair.keyword() + ": expected '" + pair.value() + "' but got '" + String.join("' / '", actual) + "'");
      }
    }
    return failures.isEmpty() ? Comparison.agree() : Comparison.differ(String.join("; ", failures));
  }

  /** What {@code opsbook query} prints: the {@code sshd -T} lines. */
  @Override
  protected String queryOutput(Answer answer) {
    return answer.text();
  }

  /** sshd's session-time expansion of %% and %u (misc.c percent_expand), where the user is known. */
  static String expand(String value, ConnectionSpec spec) {
    if (value.indexOf('%') < 0 || spec.user() == null) {
      return value;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%' && i + 1 < value.length()) {
        char t = value.charAt(i + 1);
        if (t == '%') {
          b.append('%');
          i++;
          continue;
        }
        if (t == 'u') {
          b.append(spec.user());
          i++;
          continue;
        }
      }
      b.append(c);
    }
    return b.toString();
  }

  @Override
  public List<HighlightToken> highlight(String text, String language) {
    return SshdHighlighter.highlight(text);
  }
}

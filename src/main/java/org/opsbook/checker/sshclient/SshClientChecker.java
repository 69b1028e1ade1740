package org.opsbook.checker.sshclient;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Checker;
import org.opsbook.check.HighlightToken;
import org.opsbook.check.QueryResult;
import org.opsbook.check.RuleInfo;
import org.opsbook.check.Snippet;
import org.opsbook.check.TestBlock;
import org.opsbook.check.TestReport;
import org.opsbook.check.TestResult;
import org.opsbook.checker.sshclient.catalog.CatalogCheck;
import org.opsbook.checker.sshclient.catalog.OpenSshVersion;
import org.opsbook.checker.sshclient.effective.ConnectionSpec;
import org.opsbook.checker.sshclient.effective.EffectiveConfig;
import org.opsbook.checker.sshclient.effective.EffectiveConfigResolver;
import org.opsbook.checker.sshclient.model.Finding;
import org.opsbook.checker.sshclient.model.SshConfig;
import org.opsbook.checker.sshclient.rules.ControlPathNotUniqueRule;
import org.opsbook.checker.sshclient.rules.DuplicateKeywordRule;
import org.opsbook.checker.sshclient.rules.ForwardAgentEverywhereRule;
import org.opsbook.checker.sshclient.rules.ForwardX11TrustedRule;
import org.opsbook.checker.sshclient.rules.GatewayPortsRule;
import org.opsbook.checker.sshclient.rules.KnownHostsDiscardedRule;
import org.opsbook.checker.sshclient.rules.ProxyCommandAndJumpRule;
import org.opsbook.checker.sshclient.rules.ShadowedByEarlierBlockRule;
import org.opsbook.checker.sshclient.rules.SshConfigRule;
import org.opsbook.checker.sshclient.rules.StrictHostKeyCheckingOffRule;
import org.opsbook.checker.sshclient.rules.WeakAlgorithmRule;
import org.opsbook.checker.sshclient.syntax.SshConfigHighlighter;
import org.opsbook.checker.sshclient.syntax.SshConfigParser;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/**
 * Checks OpenSSH client configuration ({@code ssh_config}, {@code ~/.ssh/config}) against the
 * release named by the {@code ssh.version} option (default 9.2), and resolves the configuration
 * ssh would use for a destination, as {@code ssh -G} prints it.
 *
 * <p>Test blocks hold one case per line, {@code host=NAME [user=U] [localuser=L] [exec=true|false]
 * => keyword value, keyword value}. {@code user=} is a user given on the command line ({@code
 * ssh -l}); {@code localuser=} the local account (default {@code user}); {@code Match exec}
 * commands are never run, they are assumed to fail unless {@code exec=true}. A keyword that ssh
 * would not print (an unset ProxyJump, say) matches the value {@code none}. Stateless.
 */
public final class SshClientChecker implements Checker {
  private static final List<SshConfigRule> RULES = List.of(
      new DuplicateKeywordRule(), new ShadowedByEarlierBlockRule(), new StrictHostKeyCheckingOffRule(),
      new KnownHostsDiscardedRule(), new ForwardAgentEverywhereRule(), new ForwardX11TrustedRule(),
      new WeakAlgorithmRule(), new GatewayPortsRule(), new ProxyCommandAndJumpRule(), new ControlPathNotUniqueRule());
  private static final RuleId BAD_OPTION = RuleId.of("ssh.bad-version-option");
  private static final RuleId BAD_TEST = RuleId.of("ssh.bad-test-case");
  private static final RuleId CONFIG_HAS_ERRORS = RuleId.of("ssh.config-has-errors");

  @Override
  public String id() {
    return "ssh";
  }

  @Override
  public List<String> languages() {
    return List.of("ssh_config", "ssh-config");
  }

  @Override
  public List<RuleInfo> rules() {
    List<RuleInfo> all = new ArrayList<>(SshClientRules.ALL);
    all.add(RuleInfo.of(BAD_OPTION.value(), Severity.ERROR, "Unreadable ssh.version option",
        "`ssh.version` in `opsbook.yaml` must be an OpenSSH release such as `9.2`; the checker falls back to 9.2."));
    all.add(RuleInfo.of(BAD_TEST.value(), Severity.ERROR, "Unreadable ssh_config test case",
        """
        A `test` block for an ssh_config snippet holds one case per line: \
        `host=NAME [user=U] [localuser=L] [exec=true|false] => keyword value, keyword value`. \
        Keywords are those `ssh -G` prints; a keyword ssh would not print matches `none`."""));
    all.add(RuleInfo.of(CONFIG_HAS_ERRORS.value(), Severity.ERROR, "Query on a configuration ssh rejects",
        "ssh stops before connecting when its configuration has errors, so there is no effective configuration to show. Fix the errors first."));
    return List.copyOf(all);
  }

  @Override
  public List<Diagnostic> check(Snippet snippet, CheckContext context) {
    List<Diagnostic> out = new ArrayList<>();
    OpenSshVersion version = version(snippet, context, out);
    SshConfigParser.Result parsed = SshConfigParser.parse(snippet.text());
    List<Finding> findings = new ArrayList<>(parsed.findings());
    findings.addAll(CatalogCheck.check(parsed.config(), version));
    for (SshConfigRule rule : RULES) {
      rule.check(parsed.config(), findings);
    }
    for (Finding f : findings) {
      out.add(toDiagnostic(snippet, f));
    }
    out.sort(null);
    return out;
  }

  private static Diagnostic toDiagnostic(Snippet snippet, Finding f) {
    return new Diagnostic(snippet.at(f.line(), Math.max(1, f.column())), f.rule(), f.severity(), f.message(), f.hint());
  }

  private static OpenSshVersion version(Snippet snippet, CheckContext context, List<Diagnostic> out) {
    Optional<String> option = context.option("ssh.version");
    if (option.isEmpty()) {
      return OpenSshVersion.DEFAULT;
    }
    Optional<OpenSshVersion> v = OpenSshVersion.parse(option.get());
    if (v.isEmpty() || !v.get().atLeast(OpenSshVersion.OLDEST)) {
      if (out != null) {
        out.add(new Diagnostic(snippet.fence(), BAD_OPTION, Severity.ERROR,
            "ssh.version '" + option.get() + "' is not an OpenSSH release from 8.0 on; checking against "
                + OpenSshVersion.DEFAULT, "write the release number, such as 9.2"));
      }
      return OpenSshVersion.DEFAULT;
    }
    return v.get();
  }

  /** The effective configuration for a destination, or the first error that makes ssh refuse the file. */
  private record Resolution(EffectiveConfig config, Finding refusal) {}

  /** Resolves the snippet for a destination; null when the connection spec itself is unreadable. */
  private static Resolution resolve(Snippet subject, String spec, CheckContext context, List<String> problems) {
    OpenSshVersion version = version(subject, context, null);
    ConnectionSpec connection = ConnectionSpec.parse(spec, problems);
    if (connection == null || !problems.isEmpty()) {
      return null;
    }
    SshConfigParser.Result parsed = SshConfigParser.parse(subject.text());
    List<Finding> findings = new ArrayList<>(parsed.findings());
    findings.addAll(CatalogCheck.check(parsed.config(), version));
    for (Finding f : findings) {
      if (f.severity() == Severity.ERROR) {
        return new Resolution(null, f);
      }
    }
    return new Resolution(EffectiveConfigResolver.resolve(parsed.config(), connection, version), null);
  }

  @Override
  public QueryResult query(Snippet subject, String query, CheckContext context) {
    List<String> problems = new ArrayList<>();
    Resolution result = resolve(subject, query, context, problems);
    if (result != null && result.config() != null) {
      return QueryResult.found(result.config().render());
    }
    List<Diagnostic> diags = new ArrayList<>();
    if (result != null) {
      Finding f = result.refusal();
      diags.add(new Diagnostic(subject.at(f.line(), Math.max(1, f.column())), CONFIG_HAS_ERRORS, Severity.ERROR,
          "ssh would refuse this configuration: " + f.message(), f.hint()));
    }
    for (String p : problems) {
      diags.add(new Diagnostic(subject.fence(), BAD_TEST, Severity.ERROR, "query: " + p, null));
    }
    return QueryResult.failed(diags);
  }

  @Override
  public TestReport runTests(Snippet subject, TestBlock testBlock, CheckContext context) {
    Snippet tests = testBlock.block();
    List<TestResult> results = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    List<String> lines = tests.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int arrow = line.indexOf("=>");
      if (arrow < 0) {
        diags.add(new Diagnostic(tests.at(i + 1, 1), BAD_TEST, Severity.ERROR,
            "test case without '=>': " + line, "write host=NAME [user=U] => keyword value, keyword value"));
        continue;
      }
      List<String> problems = new ArrayList<>();
      Resolution result = resolve(subject, line.substring(0, arrow), context, problems);
      if (!problems.isEmpty()) {
        for (String p : problems) {
          diags.add(new Diagnostic(tests.at(i + 1, 1), BAD_TEST, Severity.ERROR, p, null));
        }
        continue;
      }
      if (result.refusal() != null) {
        Finding f = result.refusal();
        results.add(TestResult.fail(tests.at(i + 1, 1), line,
            "ssh refuses the configuration (line " + f.line() + ": " + f.message() + ")"));
        continue;
      }
      EffectiveConfig config = result.config();
      List<String> failures = new ArrayList<>();
      boolean readable = true;
      for (String expectation : line.substring(arrow + 2).split(",")) {
        String e = expectation.strip();
        int space = e.indexOf(' ');
        if (space <= 0) {
          diags.add(new Diagnostic(tests.at(i + 1, 1), BAD_TEST, Severity.ERROR,
              "expectation '" + e + "' needs a keyword and a value", "write keyword value, such as port 2222"));
          readable = false;
          break;
        }
        String keyword = e.substring(0, space).toLowerCase(Locale.ROOT);
        String want = e.substring(space + 1).strip();
        List<String> got = config.values(keyword);
        boolean ok = got.isEmpty() ? want.equalsIgnoreCase("none") : got.contains(want);
        if (!ok) {
          failures.add(keyword + ": expected " + want + ", ssh -G would print "
              + (got.isEmpty() ? "nothing" : String.join(" | ", got)));
        }
      }
      if (!readable) {
        continue;
      }
      results.add(failures.isEmpty()
          ? TestResult.pass(tests.at(i + 1, 1), line)
          : TestResult.fail(tests.at(i + 1, 1), line, String.join("; ", failures)));
    }
    return new TestReport(results, diags);
  }

  @Override
  public List<HighlightToken> highlight(String text, String language) {
    return SshConfigHighlighter.highlight(text);
  }
}

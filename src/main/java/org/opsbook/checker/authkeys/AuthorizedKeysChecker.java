package org.opsbook.checker.authkeys;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
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
import org.opsbook.checker.authkeys.model.AuthorizedKeys;
import org.opsbook.checker.authkeys.model.Finding;
import org.opsbook.checker.authkeys.model.KeyLine;
import org.opsbook.checker.authkeys.rules.BadFromRule;
import org.opsbook.checker.authkeys.rules.EnvironmentRule;
import org.opsbook.checker.authkeys.rules.ExpiredKeyRule;
import org.opsbook.checker.authkeys.rules.ForcedCommandWithoutFromRule;
import org.opsbook.checker.authkeys.rules.KeyLineRule;
import org.opsbook.checker.authkeys.rules.PrincipalsWithoutCertAuthorityRule;
import org.opsbook.checker.authkeys.rules.UnrestrictedForcedCommandRule;
import org.opsbook.checker.authkeys.rules.WeakKeyRule;
import org.opsbook.checker.authkeys.sim.AccessEvaluator;
import org.opsbook.checker.authkeys.sim.Decision;
import org.opsbook.checker.authkeys.syntax.AuthorizedKeysHighlighter;
import org.opsbook.checker.authkeys.syntax.AuthorizedKeysParser;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/**
 * Checks authorized_keys files as sshd reads them, and decides which connections a key admits.
 *
 * <p>Test blocks hold one case per line: {@code key=N from=ADDRESS [host=NAME] [at=YYYY-MM-DD]
 * => allowed|denied[, command TEXT][, pty yes|no][, port-forwarding yes|no][, agent-forwarding
 * yes|no][, x11-forwarding yes|no][, user-rc yes|no][, permitopen HOST:PORT][, permitlisten
 * SPEC][, environment NAME=value]}. {@code key=N} is the N-th key line (comments and blank lines
 * not counted); {@code host=} is the client name sshd sees (its address unless UseDNS is on);
 * {@code at=} is the moment of the connection for expiry-time (ignored when absent). The same
 * left-hand side is what {@code opsbook query} takes. The model judges the line as sshd reads it;
 * sshd_config settings such as PubkeyAcceptedAlgorithms or AllowTcpForwarding are not applied.
 * Lint findings about expiry depend on the clock given to the constructor. Stateless.
 */
public final class AuthorizedKeysChecker implements Checker {
  private static final List<KeyLineRule> RULES = List.of(new UnrestrictedForcedCommandRule(),
      new ForcedCommandWithoutFromRule(), new WeakKeyRule(), new ExpiredKeyRule(), new EnvironmentRule(),
      new BadFromRule(), new PrincipalsWithoutCertAuthorityRule());
  private static final RuleId BAD_TEST = RuleId.of("authkeys.bad-test-case");

  private final Clock clock;

  /** Judges expiry-time against the system clock in UTC. */
  public AuthorizedKeysChecker() {
    this(Clock.systemUTC());
  }

  public AuthorizedKeysChecker(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String id() {
    return "authkeys";
  }

  @Override
  public List<String> languages() {
    return List.of("authorized_keys", "authorized-keys");
  }

  @Override
  public List<RuleInfo> rules() {
    List<RuleInfo> all = new ArrayList<>(AuthorizedKeysRules.ALL);
    all.add(RuleInfo.of(BAD_TEST.value(), Severity.ERROR, "Unreadable authorized_keys test case",
        """
        A `test` block for an authorized_keys snippet holds one case per line: \
        `key=N from=ADDRESS [host=NAME] [at=YYYY-MM-DD] => allowed|denied, restriction value, ...` \
        where restrictions are `command`, `pty`, `port-forwarding`, `agent-forwarding`, \
        `x11-forwarding`, `user-rc` (yes/no), `permitopen`, `permitlisten` and `environment`."""));
    return List.copyOf(all);
  }

  @Override
  public List<Diagnostic> check(Snippet snippet, CheckContext context) {
    AuthorizedKeysParser.Result parsed = AuthorizedKeysParser.parse(snippet.text());
    List<Finding> findings = new ArrayList<>(parsed.findings());
    LocalDateTime now = LocalDateTime.now(clock);
    // sshd skips unreadable lines entirely, so the lint rules only look at lines it would use
    AuthorizedKeys usable = new AuthorizedKeys(
        parsed.keys().keys().stream().filter(k -> k.key().isPresent() && k.optionsValid()).toList());
    for (KeyLineRule rule : RULES) {
      rule.check(usable, now, findings);
    }
    List<Diagnostic> out = new ArrayList<>();
    for (Finding f : findings) {
      out.add(new Diagnostic(snippet.at(f.line(), Math.max(1, f.column())), f.rule(), f.severity(), f.message(), f.hint()));
    }
    out.sort(null);
    return out;
  }

  @Override
  public TestReport runTests(Snippet subject, TestBlock testBlock, CheckContext context) {
    Snippet tests = testBlock.block();
    AuthorizedKeys keys = AuthorizedKeysParser.parse(subject.text()).keys();
    List<TestResult> results = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    List<String> lines = tests.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> problems = new ArrayList<>();
      Optional<TestResult> r = runCase(keys, line, tests, i + 1, problems);
      for (String p : problems) {
        diags.add(new Diagnostic(tests.at(i + 1, 1), BAD_TEST, Severity.ERROR, p,
            "write key=N from=ADDRESS => allowed, command /path"));
      }
      r.ifPresent(results::add);
    }
    return new TestReport(results, diags);
  }

  /** One connection to decide: a key line, the client address and name, the moment. */
  private record Question(KeyLine key, String from, String host, LocalDateTime at) {
    Decision decide() {
      return AccessEvaluator.evaluate(key, from, host == null ? from : host, at);
    }
  }

  /** Reads {@code key=N from=ADDRESS [host=NAME] [at=YYYY-MM-DD]}; empty after adding problems. */
  private static Optional<Question> question(AuthorizedKeys keys, String spec, List<String> problems) {
    Integer index = null;
    String from = null;
    String host = null;
    LocalDateTime at = null;
    for (String part : spec.trim().split("[\\s,]+")) {
      int eq = part.indexOf('=');
      String k = eq < 0 ? part : part.substring(0, eq).toLowerCase(Locale.ROOT);
      String v = eq < 0 ? "" : part.substring(eq + 1);
      switch (k) {
        case "key" -> {
          try {
            index = Integer.parseInt(v);
          } catch (NumberFormatException e) {
            problems.add("key= takes the number of a key line, not '" + v + "'");
          }
        }
        case "from" -> from = v;
        case "host" -> host = v;
        case "at" -> {
          try {
            at = LocalDate.parse(v).atStartOfDay();
          } catch (DateTimeParseException e) {
            problems.add("at= takes a date such as 2026-03-14, not '" + v + "'");
          }
        }
        default -> problems.add("unknown test key '" + part + "'; use key=, from=, host= or at=");
      }
    }
    if (index == null || from == null) {
      problems.add("a test case needs key=N and from=ADDRESS");
    }
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    Optional<KeyLine> key = keys.key(index);
    if (key.isEmpty()) {
      problems.add("there is no key line " + index + "; the snippet has " + keys.keys().size());
      return Optional.empty();
    }
    return Optional.of(new Question(key.get(), from, host, at));
  }

  private Optional<TestResult> runCase(AuthorizedKeys keys, String line, Snippet tests, int lineNo, List<String> problems) {
    int arrow = line.indexOf("=>");
    if (arrow < 0) {
      problems.add("test case without '=>': " + line);
      return Optional.empty();
    }
    Optional<Question> question = question(keys, line.substring(0, arrow), problems);
    if (question.isEmpty()) {
      return Optional.empty();
    }
    Decision d = question.get().decide();
    List<String> failures = new ArrayList<>();
    for (String expectation : line.substring(arrow + 2).split(",")) {
      String e = expectation.strip();
      int sp = e.indexOf(' ');
      String k = (sp < 0 ? e : e.substring(0, sp)).toLowerCase(Locale.ROOT);
      String want = sp < 0 ? "" : e.substring(sp + 1).strip();
      switch (k) {
        case "allowed", "denied" -> {
          if (d.allowed() != k.equals("allowed")) {
            failures.add("expected " + k + ", but sshd would " + (d.allowed() ? "allow it" : "deny it: " + d.reason()));
          }
        }
        case "permitopen", "permitlisten" -> {
          List<String> got = k.equals("permitopen") ? d.permitOpen() : d.permitListen();
          if (!got.contains(want) && !(want.equals("any") && got.isEmpty())) {
            failures.add(k + ": expected " + want + ", key allows " + (got.isEmpty() ? "any" : String.join(" ", got)));
          }
        }
        case "command", "pty", "port-forwarding", "agent-forwarding", "x11-forwarding", "user-rc", "environment",
            "principals", "tunnel" -> {
          String got = d.settings().getOrDefault(k, "none");
          boolean ok = k.equals("environment") ? List.of(got.split(" ")).contains(want) : got.equals(want);
          if (!ok) {
            failures.add(k + ": expected " + want + ", key gives " + got);
          }
        }
        default -> {
          problems.add("unknown expectation '" + e + "'");
          return Optional.empty();
        }
      }
    }
    return Optional.of(failures.isEmpty()
        ? TestResult.pass(tests.at(lineNo, 1), line)
        : TestResult.fail(tests.at(lineNo, 1), line, String.join("; ", failures)));
  }

  /**
   * Answers {@code key=N from=ADDRESS [host=NAME] [at=YYYY-MM-DD]} with the decision and the
   * restrictions in force, one {@code name value} line each.
   */
  @Override
  public QueryResult query(Snippet subject, String query, CheckContext context) {
    List<String> problems = new ArrayList<>();
    Optional<Question> question = question(AuthorizedKeysParser.parse(subject.text()).keys(), query, problems);
    if (question.isEmpty()) {
      List<Diagnostic> diags = new ArrayList<>();
      for (String p : problems) {
        diags.add(new Diagnostic(subject.fence(), BAD_TEST, Severity.ERROR, "query: " + p,
            "write key=N from=ADDRESS [host=NAME] [at=YYYY-MM-DD]"));
      }
      return QueryResult.failed(diags);
    }
    Decision d = question.get().decide();
    StringBuilder out = new StringBuilder();
    out.append("decision ").append(d.allowed() ? "allowed" : "denied").append('\n');
    if (!d.allowed()) {
      out.append("reason ").append(d.reason()).append('\n');
    }
    d.settings().forEach((k, v) -> out.append(k).append(' ').append(v).append('\n'));
    out.append("permitopen ").append(d.permitOpen().isEmpty() ? "any" : String.join(" ", d.permitOpen())).append('\n');
    out.append("permitlisten ").append(d.permitListen().isEmpty() ? "any" : String.join(" ", d.permitListen())).append('\n');
    return QueryResult.found(out.toString());
  }

  @Override
  public List<HighlightToken> highlight(String text, String language) {
    return AuthorizedKeysHighlighter.highlight(text);
  }
}

package org.opsbook.checker.authkeys;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
import org.opsbook.checker.authkeys.model.AuthorizedKeys;
import org.opsbook.checker.authkeys.model.KeyFile;
import org.opsbook.checker.authkeys.model.KeyLine;
import org.opsbook.checker.authkeys.rules.AuthorizedKeysRules;
import org.opsbook.checker.authkeys.rules.BadFromRule;
import org.opsbook.checker.authkeys.rules.EnvironmentRule;
import org.opsbook.checker.authkeys.rules.ExpiredKeyRule;
import org.opsbook.checker.authkeys.rules.ForcedCommandWithoutFromRule;
import org.opsbook.checker.authkeys.rules.PrincipalsWithoutCertAuthorityRule;
import org.opsbook.checker.authkeys.rules.UnrestrictedForcedCommandRule;
import org.opsbook.checker.authkeys.rules.WeakKeyRule;
import org.opsbook.checker.authkeys.sim.AccessEvaluator;
import org.opsbook.checker.authkeys.sim.Decision;
import org.opsbook.checker.authkeys.syntax.AuthorizedKeysHighlighter;
import org.opsbook.checker.authkeys.syntax.AuthorizedKeysParser;
import org.opsbook.diag.Diagnostic;

/**
 * Checks authorized_keys files as sshd reads them, and decides which connections a key admits.
 *
 * <p>A test case asks {@code key=N from=ADDRESS [host=NAME] [at=YYYY-MM-DD]} and expects {@code
 * allowed|denied[, command TEXT][, pty yes|no][, port-forwarding yes|no][, agent-forwarding
 * yes|no][, x11-forwarding yes|no][, user-rc yes|no][, permitopen HOST:PORT][, permitlisten
 * SPEC][, environment NAME=value]}. {@code key=N} is the N-th key line (comments and blank lines
 * not counted); {@code host=} is the client name sshd sees (its address unless UseDNS is on);
 * {@code at=} is the moment of the connection for expiry-time (ignored when absent). {@code
 * opsbook query} takes the same question. The model judges the line as sshd reads it; sshd_config
 * settings such as PubkeyAcceptedAlgorithms or AllowTcpForwarding are not applied. Lint findings
 * about expiry are judged at the build's clock ({@link CheckContext#now()}). Stateless.
 */
public final class AuthorizedKeysChecker extends ModelChecker<KeyFile> {
  private static final List<Rule<KeyFile>> RULES = List.of(new UnrestrictedForcedCommandRule(),
      new ForcedCommandWithoutFromRule(), new WeakKeyRule(), new ExpiredKeyRule(), new EnvironmentRule(),
      new BadFromRule(), new PrincipalsWithoutCertAuthorityRule());
  private static final String QUESTION_HINT = "write key=N from=ADDRESS [host=NAME] [at=YYYY-MM-DD]";

  @Override
  public String id() {
    return "authkeys";
  }

  @Override
  public String reference() {
    return "OpenSSH " + org.opsbook.checker.openssh.OpensshVersion.DEBIAN_12;
  }

  @Override
  public List<String> languages() {
    return List.of("authorized_keys", "authorized-keys");
  }

  @Override
  public List<RuleInfo> rules() {
    return AuthorizedKeysRules.ALL;
  }

  @Override
  protected KeyFile parse(Snippet snippet, CheckContext context, Findings findings) {
    AuthorizedKeys keys = AuthorizedKeysParser.parse(snippet.text(), findings);
    return new KeyFile(keys, LocalDateTime.ofInstant(context.now(), ZoneOffset.UTC));
  }

  @Override
  protected List<Rule<KeyFile>> modelRules() {
    return RULES;
  }

  @Override
  protected boolean hasExecutableModel() {
    return true;
  }

  /** sshd skips a line it cannot read and goes on with the others, so every case can run. */
  @Override
  protected Optional<String> whyTestsCannotRun(KeyFile model, List<Diagnostic> diagnostics) {
    return Optional.empty();
  }

  /** One connection to decide: a key line, the client address and name, the moment. */
  private record Question(KeyLine key, String from, String host, LocalDateTime at) {}

  @Override
  protected Answer answer(KeyFile model, TestCase testCase, TestBlock block, CheckContext context) {
    List<String> problems = new ArrayList<>();
    Optional<Question> q = question(model.keys(), testCase.question(), problems);
    if (q.isEmpty()) {
      return Answer.unreadable(String.join("; ", problems), QUESTION_HINT);
    }
    Question question = q.get();
    Decision d = AccessEvaluator.evaluate(question.key(), question.from(),
        question.host() == null ? question.from() : question.host(), question.at());
    StringBuilder out = new StringBuilder();
    out.append("decision ").append(d.allowed() ? "allowed" : "denied").append('\n');
    if (!d.allowed()) {
      out.append("reason ").append(d.reason()).append('\n');
    }
    d.settings().forEach((k, v) -> out.append(k).append(' ').append(v).append('\n'));
    out.append("permitopen ").append(d.permitOpen().isEmpty() ? "any" : String.join(" ", d.permitOpen())).append('\n');
    out.append("permitlisten ").append(d.permitListen().isEmpty() ? "any" : String.join(" ", d.permitListen()))
        .append('\n');
    return Answer.of(out.toString());
  }

  /** Reads {@code key=N from=ADDRESS [host=NAME] [at=YYYY-MM-DD]}; empty after adding problems. */
  private static Optional<Question> question(AuthorizedKeys keys, String spec, List<String> problems) {
    Integer index = null;
    String from = null;
    String host = null;
    LocalDateTime at = null;
    for (String part : spec.strip().split("[\\s,]+")) {
      if (part.isEmpty()) {
        continue;
      }
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
    if (problems.isEmpty() && (index == null || from == null)) {
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

  /**
   * The expectation is a comma-separated list: {@code allowed} or {@code denied}, then restrictions
   * ({@code command TEXT}, {@code pty no}, ...), each compared with what the key gives.
   */
  @Override
  protected Comparison compare(TestCase testCase, Answer answer) {
    Map<String, String> got = new TreeMap<>();
    for (String line : answer.text().split("\n")) {
      int sp = line.indexOf(' ');
      if (sp > 0) {
        got.put(line.substring(0, sp), line.substring(sp + 1));
      }
    }
    List<String> failures = new ArrayList<>();
    for (String expectation : testCase.expected().replaceAll("\\s*\n\\s*", " ").split(",")) {
      String e = expectation.strip();
      int sp = e.indexOf(' ');
      String k = (sp < 0 ? e : e.substring(0, sp)).toLowerCase(Locale.ROOT);
      String want = sp < 0 ? "" : e.substring(sp + 1).strip();
      switch (k) {
        case "allowed", "denied" -> {
          String decision = got.getOrDefault("decision", "");
          if (!decision.equals(k)) {
            failures.add("expected " + k + ", but sshd would " + (decision.equals("allowed") ? "allow it"
                : "deny it: " + got.getOrDefault("reason", "")));
          }
        }
        case "permitopen", "permitlisten" -> {
          String value = got.getOrDefault(k, "any");
          if (!List.of(value.split(" ")).contains(want)) {
            failures.add(k + ": expected " + want + ", key allows " + value);
          }
        }
        case "command", "pty", "port-forwarding", "agent-forwarding", "x11-forwarding", "user-rc", "environment",
            "principals", "tunnel" -> {
          String value = got.getOrDefault(k, "none");
          boolean ok = k.equals("environment") ? List.of(value.split(" ")).contains(want) : value.equals(want);
          if (!ok) {
            failures.add(k + ": expected " + want + ", key gives " + value);
          }
        }
        default -> {
          return Comparison.unreadable("unknown expectation '" + e + "'",
              "expect allowed or denied, then restrictions such as command /path, pty no, permitopen host:port");
        }
      }
    }
    return failures.isEmpty() ? Comparison.agree() : Comparison.differ(String.join("; ", failures));
  }

  @Override
  public List<HighlightToken> highlight(String text, String language) {
    return AuthorizedKeysHighlighter.highlight(text);
  }
}

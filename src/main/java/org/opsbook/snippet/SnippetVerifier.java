package org.opsbook.snippet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opsbook.check.CheckContext;
import org.opsbook.check.Checker;
import org.opsbook.check.CheckerRegistry;
import org.opsbook.check.CoreRules;
import org.opsbook.check.RuleInfo;
import org.opsbook.check.Snippet;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/**
 * Runs a snippet through its checker and applies the snippet's attributes: {@code check=off},
 * {@code ignore=}, {@code fragment} (whole-file rules off), {@code expect=} and the site's rule
 * severities. Thread-safe.
 */
public final class SnippetVerifier {
  private final CheckerRegistry registry;
  private final Map<String, Severity> ruleSeverity;

  /**
   * @param ruleSeverity site-wide severity changes; a {@code null} value turns a rule off
   */
  public SnippetVerifier(CheckerRegistry registry, Map<String, Severity> ruleSeverity) {
    this.registry = registry;
    this.ruleSeverity = ruleSeverity;
  }

  public CheckedSnippet verify(Snippet snippet, CheckContext context) {
    List<Diagnostic> problems = new ArrayList<>();
    Set<String> ignored = ruleList(snippet, "ignore", problems);
    Set<String> expected = ruleList(snippet, "expect", problems);
    boolean expectAnyError = expected.remove("error");
    Optional<Checker> checker = registry.forLanguage(snippet.language());
    String checkSetting = snippet.attribute("check").orElse("on");
    if (!checkSetting.equals("on") && !checkSetting.equals("off") && !checkSetting.equals("true")) {
      problems.add(CoreRules.diagnostic(CoreRules.ATTRIBUTE, snippet.fence(),
          "check=" + checkSetting + " is not 'on' or 'off'", "write check=off to render the snippet unchecked"));
    }
    boolean off = checkSetting.equals("off");
    if (checker.isEmpty() || off) {
      if (!expected.isEmpty() || expectAnyError) {
        problems.add(CoreRules.diagnostic(CoreRules.ATTRIBUTE, snippet.fence(),
            off ? "expect= on a snippet with check=off can never be met"
                : "expect= on a snippet of language '" + snippet.language() + "', which no checker reads",
            off ? "remove check=off or expect=" : "run 'opsbook check --list-languages' for the checked languages"));
      }
      return new CheckedSnippet(snippet, "", problems, problems, SnippetStatus.UNCHECKED);
    }
    Checker c = checker.get();
    List<Diagnostic> raw;
    try {
      raw = c.check(snippet, context);
    } catch (RuntimeException | StackOverflowError e) {
      raw = List.of(CoreRules.diagnostic(CoreRules.CHECKER_FAILURE, snippet.fence(),
          "checker '" + c.id() + "' failed on this snippet (" + e + "); this is a bug in opsbook",
          "report it with the snippet; add check=off to build meanwhile"));
    }
    List<Diagnostic> kept = new ArrayList<>();
    for (Diagnostic d : raw) {
      Optional<RuleInfo> rule = registry.rule(d.rule().value());
      if (snippet.isFragment() && rule.map(RuleInfo::wholeFile).orElse(false)) {
        continue;
      }
      if (ignored.contains(d.rule().value()) || rule.map(r -> ignoredByAlias(r, ignored)).orElse(false)) {
        continue;
      }
      if (ruleSeverity.containsKey(d.rule().value())) {
        Severity s = ruleSeverity.get(d.rule().value());
        if (s == null) {
          continue;
        }
        d = d.withSeverity(s);
      }
      kept.add(d);
    }
    for (String id : ignored) {
      if (registry.rule(id).isEmpty()) {
        problems.add(CoreRules.diagnostic(CoreRules.UNKNOWN_RULE, snippet.fence(),
            "ignore= names '" + id + "', which no checker reports", registry.closestRule(id)
                .map(near -> "did you mean " + near + "?").orElse("run 'opsbook explain --list' for rule IDs")));
      }
    }
    if (!expected.isEmpty() || expectAnyError) {
      return applyExpectation(snippet, c, kept, expected, expectAnyError, problems);
    }
    List<Diagnostic> all = new ArrayList<>(kept);
    all.addAll(problems);
    return new CheckedSnippet(snippet, c.id(), all, all, statusOf(all));
  }

  private CheckedSnippet applyExpectation(
      Snippet snippet, Checker checker, List<Diagnostic> kept, Set<String> expected, boolean anyError, List<Diagnostic> problems) {
    List<Diagnostic> counted = new ArrayList<>(problems);
    List<Diagnostic> shown = new ArrayList<>(kept);
    shown.addAll(problems);
    for (String id : expected) {
      if (registry.rule(id).isEmpty()) {
        counted.add(CoreRules.diagnostic(CoreRules.UNKNOWN_RULE, snippet.fence(),
            "expect= names '" + id + "', which no checker reports", "run 'opsbook explain --list' for rule IDs"));
        continue;
      }
      boolean found = kept.stream().anyMatch(d -> matches(d.rule(), id));
      if (!found) {
        counted.add(CoreRules.diagnostic(CoreRules.EXPECTATION, snippet.fence(),
            "this snippet is marked expect=" + id + " but " + checker.id() + " did not report it"
                + describeFound(kept),
            "fix the example so it shows the mistake, or name the rule that it does break"));
      }
    }
    if (anyError && kept.stream().noneMatch(Diagnostic::isError)) {
      counted.add(CoreRules.diagnostic(CoreRules.EXPECTATION, snippet.fence(),
          "this snippet is marked expect=error but " + checker.id() + " found no error" + describeFound(kept),
          "a deliberately wrong example must be wrong; better still, name the rule with expect=RULE-ID"));
    }
    // Findings the author did not announce still count: a wrong example must not hide a second mistake.
    for (Diagnostic d : kept) {
      boolean isExpected = anyError ? d.isError() : expected.stream().anyMatch(id -> matches(d.rule(), id));
      if (!isExpected) {
        counted.add(d);
      }
    }
    boolean met = counted.stream().noneMatch(Diagnostic::isError);
    SnippetStatus status = met ? SnippetStatus.EXPECTED_FAILURE : SnippetStatus.ERRORS;
    return new CheckedSnippet(snippet, checker.id(), shown, counted, status);
  }

  private boolean matches(RuleId actual, String expectedId) {
    if (actual.value().equals(expectedId)) {
      return true;
    }
    return registry.rule(expectedId).map(r -> r.id().equals(actual)).orElse(false);
  }

  private static boolean ignoredByAlias(RuleInfo rule, Set<String> ignored) {
    return rule.aliases().stream().anyMatch(ignored::contains);
  }

  private static String describeFound(List<Diagnostic> kept) {
    if (kept.isEmpty()) {
      return " (it found nothing)";
    }
    Set<String> ids = new LinkedHashSet<>();
    kept.stream().sorted().forEach(d -> ids.add(d.severity().label() + " " + d.rule()));
    return " (it found: " + String.join(", ", ids) + ")";
  }

  private static SnippetStatus statusOf(List<Diagnostic> diagnostics) {
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return SnippetStatus.ERRORS;
    }
    if (diagnostics.stream().anyMatch(d -> d.severity() == Severity.WARNING)) {
      return SnippetStatus.WARNINGS;
    }
    return SnippetStatus.CLEAN;
  }

  private static Set<String> ruleList(Snippet snippet, String key, List<Diagnostic> problems) {
    Set<String> out = new LinkedHashSet<>();
    Optional<String> value = snippet.attribute(key);
    if (value.isEmpty()) {
      return out;
    }
    for (String part : value.get().split(",")) {
      String id = part.strip();
      if (id.isEmpty()) {
        continue;
      }
      if (!id.equals("error") && !RuleId.isWellFormed(id)) {
        problems.add(CoreRules.diagnostic(CoreRules.ATTRIBUTE, snippet.fence(),
            key + "= takes rule IDs such as sshd.unknown-keyword, not '" + id + "'",
            key.equals("expect") ? "write expect=error or expect=RULE-ID[,RULE-ID]" : "write ignore=RULE-ID[,RULE-ID]"));
        continue;
      }
      out.add(id);
    }
    return out;
  }
}

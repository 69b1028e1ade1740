package org.opsbook.checker.sshd.effective;

import java.util.List;
import java.util.Objects;
import org.opsbook.check.Findings;
import org.opsbook.check.RuleInfo;
import org.opsbook.checker.openssh.OpensshVersion;
import org.opsbook.checker.sshd.model.Directive;
import org.opsbook.checker.sshd.model.Placement;
import org.opsbook.checker.sshd.model.SshdConfig;

/**
 * What the sshd rules see: the configuration as sshd loads it, the release it is checked against,
 * and the global effective configuration ({@code sshd -T} without a connection, defaults filled
 * in), computed when a rule first asks. Findings about its lines are placed through {@link
 * Placement}, so a rule need not know which file a line is in. One per check; not thread-safe.
 */
public final class LoadedConfig {
  private final SshdConfig config;
  private final OpensshVersion release;
  private EffectiveConfig global;

  public LoadedConfig(SshdConfig config, OpensshVersion release) {
    this.config = Objects.requireNonNull(config, "config");
    this.release = Objects.requireNonNull(release, "release");
  }

  public SshdConfig config() {
    return config;
  }

  public OpensshVersion release() {
    return release;
  }

  /** The global effective configuration (computed on first use). */
  public EffectiveConfig global() {
    if (global == null) {
      global = EffectiveConfigBuilder.global(config);
    }
    return global;
  }

  /** The single value sshd -T prints for a keyword, or the empty string. */
  public String effective(String keyword) {
    List<String> v = global().values(keyword);
    return v.isEmpty() ? "" : v.get(0);
  }

  /** A finding about a directive's own line, on argument {@code arg} (its keyword when negative). */
  public void report(Findings findings, RuleInfo rule, Directive d, int arg, String message, String hint) {
    reportAt(findings, rule, d, arg < 0 ? d.keywordColumn() : d.argColumn(arg), message, hint, false);
  }

  /**
   * A finding that comes of reading several lines together (a duplicate, a shadowed block): when
   * {@code d} is in a file checked on its own and an {@code other} line is elsewhere, it is still
   * reported here, at the Include line that reads it.
   */
  public void reportCombined(Findings findings, RuleInfo rule, Directive d, Directive other, int arg, String message,
      String hint) {
    reportAt(findings, rule, d, arg < 0 ? d.keywordColumn() : d.argColumn(arg), message, hint,
        other.file() != d.file());
  }

  /** A finding at a line and column of one of the configuration's files. */
  public void reportAtLine(Findings findings, RuleInfo rule, int file, int line, int column, String message, String hint,
      boolean combined) {
    Placement.of(config.files(), file, line, column, combined)
        .ifPresent(p -> findings.reportAt(rule, p.where(), p.prefix() + message, hint));
  }

  /** A finding at a column of a directive's line. */
  public void reportAt(Findings findings, RuleInfo rule, Directive d, int column, String message, String hint,
      boolean combined) {
    Placement.of(config.files(), d.file(), d.line(), column, combined)
        .ifPresent(p -> findings.reportAt(rule, p.where(), p.prefix() + message, hint));
  }
}

package org.opsbook.check;

import java.util.List;
import java.util.Objects;
import org.opsbook.diag.RuleId;
import org.opsbook.diag.Severity;

/**
 * What a rule is, for documentation, {@code opsbook explain} and report formats.
 *
 * @param id the stable rule ID
 * @param severity the severity the rule reports at by default
 * @param summary one line, no final period needed
 * @param explanation Markdown: why it matters, what the daemon really does, how to fix it, and
 *     the source (man page, guideline) it rests on
 * @param wholeFile whether the rule only makes sense on a whole file; such rules are off for
 *     snippets marked {@code fragment}
 * @param aliases former IDs that still name this rule in {@code ignore=} and {@code expect=}
 */
public record RuleInfo(
    RuleId id, Severity severity, String summary, String explanation, boolean wholeFile, List<String> aliases) {

  public RuleInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(explanation, "explanation");
    aliases = List.copyOf(aliases);
  }

  public static RuleInfo of(String id, Severity severity, String summary, String explanation) {
    return new RuleInfo(RuleId.of(id), severity, summary, explanation, false, List.of());
  }

  /** The same rule, marked as needing the whole file. */
  public RuleInfo needingWholeFile() {
    return new RuleInfo(id, severity, summary, explanation, true, aliases);
  }

  public RuleInfo withAliases(String... oldIds) {
    return new RuleInfo(id, severity, summary, explanation, wholeFile, List.of(oldIds));
  }
}

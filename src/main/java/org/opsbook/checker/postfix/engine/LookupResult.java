package org.opsbook.checker.postfix.engine;

import java.util.List;
import java.util.Objects;
import org.opsbook.checker.postfix.model.RegexSpec;
import org.opsbook.checker.postfix.model.TableRule;

/**
 * The outcome of looking one key up in a table, as {@code postmap -q} would report it, with the
 * warnings Postfix would log on the way and the engines that matched.
 *
 * @param outcome what the lookup came to
 * @param value for {@link Outcome#FOUND}, the result with {@code $n} substituted; else empty
 * @param rule the rule that decided: the match rule for FOUND and NON_UTF8_VALUE, the rule that
 *     stopped the lookup for UNSUPPORTED_RULE and OVER_BUDGET; null otherwise
 * @param pattern for OVER_BUDGET, the pattern the bound stopped; else null
 * @param why for UNSUPPORTED_RULE and OVER_BUDGET, what stopped the lookup; else empty
 * @param warnings match errors on the way, which Postfix logs and reads as "no match"
 * @param engines the engines that compiled the patterns the lookup reached
 */
public record LookupResult(Outcome outcome, String value, TableRule rule, RegexSpec pattern, String why,
    List<Warning> warnings, List<String> engines) {

  /** What a lookup came to. */
  public enum Outcome {
    /** A rule matched; {@link #value()} is its result (postmap prints it, exit 0). */
    FOUND,
    /** No rule matched (postmap exits 1). */
    NOT_FOUND,
    /**
     * A rule matched but its result is not valid UTF-8 (a group cut a multi-byte character); with
     * smtputf8_enable=yes (the default) Postfix's dict_utf8 layer refuses it: a table error.
     */
    NON_UTF8_VALUE,
    /** The lookup reached a rule the engine could not compile faithfully: no provable answer. */
    UNSUPPORTED_RULE,
    /** Matching stopped at a bound of opsbook's own: no provable answer. */
    OVER_BUDGET
  }

  /** A match error that Postfix logs ({@code pcre map T, line N: MESSAGE}) before it goes on. */
  public record Warning(RegexSpec pattern, int line, String message) {}

  public LookupResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(why, "why");
    warnings = List.copyOf(warnings);
    engines = List.copyOf(engines);
  }

  /** Whether the model knows what Postfix does with this key. */
  public boolean isKnown() {
    return outcome != Outcome.UNSUPPORTED_RULE && outcome != Outcome.OVER_BUDGET;
  }
}

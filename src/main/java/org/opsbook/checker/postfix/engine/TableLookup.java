package org.opsbook.checker.postfix.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.opsbook.checker.postfix.model.EndifRule;
import org.opsbook.checker.postfix.model.IfRule;
import org.opsbook.checker.postfix.model.MatchRule;
import org.opsbook.checker.postfix.model.RegexSpec;
import org.opsbook.checker.postfix.model.Replacement;
import org.opsbook.checker.postfix.model.Table;
import org.opsbook.checker.postfix.model.TableRule;
import org.opsbook.checker.postfix.model.UnsupportedRule;

/**
 * Looks a key up the way dict_pcre_lookup() and dict_regexp_lookup() do: rules in order, the
 * first match wins; an {@code if} whose condition fails skips to its {@code endif}, or ends the
 * lookup when it has none; a match error is logged and counts as "no match" for the rule, negated
 * or not; {@code $n} takes the bytes of group n, or nothing when the group took no part or matched
 * the empty string. Patterns are compiled for this lookup only and freed when it ends. Stateless and
 * thread-safe.
 */
public final class TableLookup {
  private TableLookup() {}

  public static LookupResult lookup(Table table, String key, Engines engines) {
    byte[] subject = Bytes.key(key);
    List<LookupResult.Warning> warnings = new ArrayList<>();
    try (LookupSession session = new LookupSession(engines)) {
      List<TableRule> rules = table.rules();
      for (int i = 0; i < rules.size(); i++) {
        TableRule rule = rules.get(i);
        if (rule instanceof MatchRule m) {
          PatternUse use = PatternUse.match(m.replacement().maxGroup());
          Test first = test(session, m.first(), use, subject, warnings);
          if (first.stop() != null) {
            return stopped(first.stop(), m, m.first(), warnings, session);
          }
          if (!first.fires()) {
            continue;
          }
          if (m.second() != null) {
            Test second = test(session, m.second(), PatternUse.second(), subject, warnings);
            if (second.stop() != null) {
              return stopped(second.stop(), m, m.second(), warnings, session);
            }
            if (!second.fires()) {
              continue;
            }
          }
          byte[] value = substitute(m.replacement(), first.match(), subject);
          if (!Bytes.isUtf8(value)) {
            return new LookupResult(LookupResult.Outcome.NON_UTF8_VALUE, "", m, null, "", warnings, session.engines());
          }
          return new LookupResult(LookupResult.Outcome.FOUND, new String(value, StandardCharsets.UTF_8), m, null, "",
              warnings, session.engines());
        } else if (rule instanceof IfRule f) {
          Test condition = test(session, f.pattern(), PatternUse.condition(), subject, warnings);
          if (condition.stop() != null) {
            return stopped(condition.stop(), f, f.pattern(), warnings, session);
          }
          if (condition.fires()) {
            continue;
          }
          if (f.endifIndex() < 0) {
            // dict_pcre/dict_regexp: an IF without ENDIF ends the lookup when it fails
            return new LookupResult(LookupResult.Outcome.NOT_FOUND, "", null, null, "", warnings, session.engines());
          }
          i = f.endifIndex();
        } else if (rule instanceof UnsupportedRule u) {
          return new LookupResult(LookupResult.Outcome.UNSUPPORTED_RULE, "", u, null, u.why(), warnings,
              session.engines());
        } else if (rule instanceof EndifRule) {
          continue;
        }
      }
      return new LookupResult(LookupResult.Outcome.NOT_FOUND, "", null, null, "", warnings, session.engines());
    }
  }

  /**
   * How one pattern of a rule tested: whether the rule's test holds (match, or no match for a
   * negated pattern), the match itself, or a reason that stops the whole lookup.
   */
  private record Test(boolean fires, MatchOutcome.Matched match, String stop) {}

  private static Test test(LookupSession session, RegexSpec spec, PatternUse use, byte[] subject,
      List<LookupResult.Warning> warnings) {
    Compilation c = session.pattern(spec, use);
    if (c instanceof Compilation.Refused r) {
      // The table reader compiled this pattern; it cannot fail now unless memory ran out.
      return new Test(false, null, "the pattern could not be compiled for the lookup: " + r.problem().message());
    }
    MatchOutcome outcome = ((Compilation.Compiled) c).pattern().match(subject);
    if (outcome instanceof MatchOutcome.OverBudget o) {
      return new Test(false, null, o.why());
    }
    if (outcome instanceof MatchOutcome.LibraryError e) {
      // DICT_PCRE_EXEC / DICT_REGEXP_REGEXEC: an error is logged and the test is false,
      // whatever the negation.
      warnings.add(new LookupResult.Warning(spec, spec.line(), e.message()));
      return new Test(false, null, null);
    }
    boolean matched = outcome instanceof MatchOutcome.Matched;
    return new Test(matched != spec.negated(), matched ? (MatchOutcome.Matched) outcome : null, null);
  }

  private static LookupResult stopped(String why, TableRule rule, RegexSpec spec, List<LookupResult.Warning> warnings,
      LookupSession session) {
    return new LookupResult(LookupResult.Outcome.OVER_BUDGET, "", rule, spec, why, warnings, session.engines());
  }

  /** The result's bytes: literal text as UTF-8, and each {@code $n} as the bytes of its group. */
  private static byte[] substitute(Replacement replacement, MatchOutcome.Matched match, byte[] subject) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Replacement.Part part : replacement.parts()) {
      if (part instanceof Replacement.Literal l) {
        out.writeBytes(l.text().getBytes(StandardCharsets.UTF_8));
      } else if (part instanceof Replacement.Group g && match != null) {
        int[] span = match.group(g.number());
        if (span != null) {
          out.write(subject, span[0], span[1] - span[0]);
        }
      }
    }
    return out.toByteArray();
  }
}

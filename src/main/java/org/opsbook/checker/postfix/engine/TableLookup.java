package org.opsbook.checker.postfix.engine;

import java.util.List;
import java.util.regex.Matcher;
import org.opsbook.checker.postfix.model.EndifRule;
import org.opsbook.checker.postfix.model.IfRule;
import org.opsbook.checker.postfix.model.MatchRule;
import org.opsbook.checker.postfix.model.RegexSpec;
import org.opsbook.checker.postfix.model.Replacement;
import org.opsbook.checker.postfix.model.TableRule;
import org.opsbook.checker.postfix.model.UnsupportedRule;

/**
 * Looks a key up the way dict_pcre and dict_regexp do: rules in order, the first match wins, an
 * {@code if} whose condition fails skips to its {@code endif} (or ends the lookup when it has
 * none), and {@code $n} takes the text of group n, or nothing when the group did not take part or
 * matched the empty string. Stateless and thread-safe.
 */
public final class TableLookup {
  /** Characters the regex engine may read per pattern and key before the model gives up. */
  static final long BUDGET = 3_000_000L;

  private TableLookup() {}

  public static LookupResult lookup(CompiledTable table, String key) {
    String subject = Bytes.toByteString(key);
    List<TableRule> rules = table.table().rules();
    for (int i = 0; i < rules.size(); i++) {
      TableRule rule = rules.get(i);
      try {
        if (rule instanceof MatchRule m) {
          Matcher first = match(table.regex(m.first()), subject, m.replacement().maxGroup() > 0);
          if ((first != null) != !m.first().negated()) {
            continue;
          }
          if (m.second() != null && (matches(table.regex(m.second()), subject)) == m.second().negated()) {
            continue;
          }
          String value = substitute(m.replacement(), first, subject);
          if (!Bytes.isUtf8(value)) {
            return new LookupResult.BadValue(m);
          }
          return new LookupResult.Found(Bytes.fromByteString(value), m);
        } else if (rule instanceof IfRule f) {
          if (matches(table.regex(f.pattern()), subject) != f.pattern().negated()) {
            continue;
          }
          if (f.endifIndex() < 0) {
            return new LookupResult.NotFound(); // dict_pcre: an IF without ENDIF ends the lookup
          }
          i = f.endifIndex();
        } else if (rule instanceof EndifRule) {
          continue;
        } else if (rule instanceof UnsupportedRule u) {
          return new LookupResult.Unknown(u);
        }
      } catch (BoundedText.BudgetExceeded | StackOverflowError e) {
        RegexSpec spec = rule instanceof MatchRule m ? m.first() : ((IfRule) rule).pattern();
        return new LookupResult.TooCostly(spec.line(), spec.column());
      }
    }
    return new LookupResult.NotFound();
  }

  private static boolean matches(CompiledRegex regex, String subject) {
    return match(regex, subject, false) != null;
  }

  /** The matcher positioned on the match Postfix would report, or null when there is none. */
  private static Matcher match(CompiledRegex regex, String subject, boolean needGroups) {
    BoundedText text = new BoundedText(subject, BUDGET);
    Matcher m = regex.pattern().matcher(text);
    boolean found = regex.anchored() ? m.lookingAt() : m.find();
    if (!found) {
      return null;
    }
    if (!needGroups || !regex.longest() || m.end() == subject.length()) {
      return m;
    }
    // POSIX leftmost-longest: among the matches that start where the first one starts, the
    // longest wins; glibc then assigns groups as a backtracking matcher would for that span.
    int start = m.start();
    int end = m.end();
    Matcher probe = regex.pattern().matcher(text);
    probe.useAnchoringBounds(false);
    probe.useTransparentBounds(true);
    for (int e = subject.length(); e > end; e--) {
      probe.region(start, e);
      if (probe.matches()) {
        return probe;
      }
    }
    return m;
  }

  /** The result as a byte string. */
  private static String substitute(Replacement replacement, Matcher m, String subject) {
    StringBuilder out = new StringBuilder();
    for (Replacement.Part part : replacement.parts()) {
      if (part instanceof Replacement.Literal l) {
        out.append(Bytes.toByteString(l.text()));
      } else if (part instanceof Replacement.Group g && m != null && g.number() <= m.groupCount()) {
        int s = m.start(g.number());
        if (s >= 0) {
          out.append(subject, s, m.end(g.number()));
        }
      }
    }
    return out.toString();
  }
}

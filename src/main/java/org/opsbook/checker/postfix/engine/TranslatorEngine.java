package org.opsbook.checker.postfix.engine;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import org.opsbook.checker.postfix.model.RegexSpec;
import org.opsbook.checker.postfix.model.TableKind;

/**
 * Patterns translated to java.util.regex (see {@link PcreTranslator}, {@link PosixTranslator}),
 * for where the library Postfix calls is not there or {@code postfix.engine: translator} asks for
 * it. Constructs it cannot reproduce are refused, never approximated; a match that reads too many
 * characters (catastrophic backtracking) is stopped and reported as over budget.
 */
final class TranslatorEngine implements PatternEngine {
  /** Characters the regex engine may read per pattern and key before the model gives up. */
  static final long BUDGET = 3_000_000L;

  private final TableKind kind;
  private final String name;

  TranslatorEngine(TableKind kind, String why) {
    this.kind = kind;
    this.name = "the translator to java.util.regex" + (why.isEmpty() ? "" : " (" + why + ")");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean isNative() {
    return false;
  }

  @Override
  public Compilation compile(RegexSpec spec, PatternUse use) {
    // dict_regexp.c asks regexec() for the largest $n plus one groups of the first pattern.
    int nmatch = use.role() == PatternUse.Role.MATCH && use.maxGroup() > 0 ? use.maxGroup() + 1 : 0;
    RegexCompiler.Outcome outcome = RegexCompiler.compile(spec, kind, nmatch);
    if (outcome.problem() != null) {
      return new Compilation.Refused(outcome.problem());
    }
    CompiledRegex regex = outcome.regex();
    return new Compilation.Compiled(new TranslatedPattern(regex, use.maxGroup() > 0));
  }

  /** A translated pattern: plain Java objects, so closing it frees nothing. */
  private record TranslatedPattern(CompiledRegex regex, boolean needGroups) implements CompiledPattern {
    @Override
    public int groups() {
      return regex.groups();
    }

    @Override
    public Set<Integer> unreliableGroups() {
      return regex.unreliableGroups();
    }

    @Override
    public MatchOutcome match(byte[] subject) {
      String text = new String(subject, StandardCharsets.ISO_8859_1);
      try {
        Matcher m = find(text);
        if (m == null) {
          return new MatchOutcome.NoMatch();
        }
        int[] spans = new int[2 * (m.groupCount() + 1)];
        for (int g = 0; g <= m.groupCount(); g++) {
          spans[2 * g] = m.start(g);
          spans[2 * g + 1] = m.end(g);
        }
        return new MatchOutcome.Matched(spans);
      } catch (BoundedText.BudgetExceeded | StackOverflowError e) {
        return new MatchOutcome.OverBudget("the translator stopped after reading " + BUDGET
            + " characters (catastrophic backtracking); PCRE2 or glibc might still decide");
      }
    }

    /** The matcher positioned on the match Postfix would report, or null when there is none. */
    private Matcher find(String subject) {
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

    @Override
    public void close() {
      // nothing native to free
    }
  }
}

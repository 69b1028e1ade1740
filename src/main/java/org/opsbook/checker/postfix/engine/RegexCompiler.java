package org.opsbook.checker.postfix.engine;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.opsbook.checker.postfix.model.RegexSpec;
import org.opsbook.checker.postfix.model.TableKind;

/** Compiles a table pattern with the flags Postfix applies, for the map type it belongs to. */
public final class RegexCompiler {
  private RegexCompiler() {}

  /** A compiled pattern or the reason there is none. Exactly one of the two is set. */
  public record Outcome(CompiledRegex regex, RegexProblem problem) {}

  /**
   * Warnings about constructs in a pattern that are legal but surely not what the author meant,
   * such as an escaped letter that glibc reads as nothing under REG_ICASE; offsets in the body.
   */
  public static List<RegexProblem> notes(RegexSpec spec, TableKind kind) {
    if (kind != TableKind.REGEXP) {
      return List.of();
    }
    int[] offsets = Bytes.charOffsets(spec.body());
    PosixTranslator.Result r = PosixTranslator.translate(cString(spec), !spec.toggles('x'), !spec.toggles('i'),
        spec.toggles('m'));
    return r.notes().stream().map(n -> remap(n, offsets)).toList();
  }

  /** Why the library would reject the pattern, by the translator's reading of it, if it would. */
  static RegexProblem rejection(RegexSpec spec, TableKind kind) {
    RegexProblem p = compile(spec, kind).problem();
    return p != null && p.rejected() ? p : null;
  }

  /** The pattern as the C string Postfix hands over: it ends at the first NUL. */
  private static String cString(RegexSpec spec) {
    return new String(Bytes.key(spec.body()), java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  public static Outcome compile(RegexSpec spec, TableKind kind) {
    return compile(spec, kind, 0);
  }

  /**
   * @param reportedGroups for a regexp: pattern, the number of groups regexec() is asked for
   *     (Postfix's nmatch: the largest $n plus one, 0 when the result has none)
   */
  static Outcome compile(RegexSpec spec, TableKind kind, int reportedGroups) {
    String bytes = cString(spec);
    int[] charOffsets = Bytes.charOffsets(spec.body());
    return kind == TableKind.PCRE ? pcre(spec, bytes, charOffsets) : posix(spec, bytes, charOffsets, reportedGroups);
  }

  private static Outcome pcre(RegexSpec spec, String bytes, int[] offsets) {
    // pcre_table(5): i and s are on by default, m x A E U off; each letter toggles.
    boolean caseless = !spec.toggles('i');
    boolean dotall = !spec.toggles('s');
    boolean multiline = spec.toggles('m');
    boolean extended = spec.toggles('x');
    boolean anchored = spec.toggles('A');
    boolean dollarEndOnly = spec.toggles('E');
    boolean ungreedy = spec.toggles('U');
    PcreTranslator.Result r = PcreTranslator.translate(bytes, extended, ungreedy, multiline, dollarEndOnly);
    if (r.problem() != null) {
      return new Outcome(null, remap(r.problem(), offsets));
    }
    int flags = Pattern.UNIX_LINES;
    flags |= caseless ? Pattern.CASE_INSENSITIVE : 0;
    flags |= dotall ? Pattern.DOTALL : 0;
    flags |= multiline ? Pattern.MULTILINE : 0;
    return javaCompile(r.javaRegex(), flags, r.groups(), anchored, false, List.of(), java.util.Set.of());
  }

  private static Outcome posix(RegexSpec spec, String bytes, int[] offsets, int reportedGroups) {
    // regexp_table(5): i and x are on by default (REG_ICASE, REG_EXTENDED), m (REG_NEWLINE) off.
    boolean icase = !spec.toggles('i');
    boolean extended = !spec.toggles('x');
    boolean newline = spec.toggles('m');
    PosixTranslator.Result r = PosixTranslator.translate(bytes, extended, icase, newline, reportedGroups);
    if (r.problem() != null) {
      return new Outcome(null, remap(r.problem(), offsets));
    }
    int flags = Pattern.UNIX_LINES | (icase ? Pattern.CASE_INSENSITIVE : 0);
    List<RegexProblem> notes = r.notes().stream().map(n -> remap(n, offsets)).toList();
    return javaCompile(r.javaRegex(), flags, r.groups(), false, true, notes, r.repeatedGroups());
  }

  private static Outcome javaCompile(
      String regex, int flags, int groups, boolean anchored, boolean longest, List<RegexProblem> notes,
      java.util.Set<Integer> unreliable) {
    try {
      Pattern p = Pattern.compile(regex, flags);
      return new Outcome(new CompiledRegex(p, groups, anchored, longest, notes, unreliable), null);
    } catch (PatternSyntaxException | StackOverflowError e) {
      return new Outcome(
          null, new RegexProblem(false, 0, "this model cannot reproduce the pattern faithfully in Java"));
    }
  }

  private static RegexProblem remap(RegexProblem p, int[] offsets) {
    int o = offsets[Math.max(0, Math.min(p.offset(), offsets.length - 1))];
    return new RegexProblem(p.rejected(), o, p.message());
  }
}

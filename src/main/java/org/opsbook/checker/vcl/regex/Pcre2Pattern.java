package org.opsbook.checker.vcl.regex;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A VCL regex as Varnish 7.1 compiles it with PCRE2 (8-bit code units, no UTF, default options):
 * whether PCRE2 accepts it (with PCRE2's message when not), and a java.util.regex pattern that
 * matches the same byte strings when opsbook can reproduce it. Subjects are matched as bytes, each
 * byte a char from U+0000 to U+00FF. Pure functions; results are immutable.
 */
public final class Pcre2Pattern {
  /** Steps (character reads) a single match may take before opsbook gives up, as Varnish's match limits would. */
  static final long STEP_BUDGET = 2_000_000;

  private Pcre2Pattern() {}

  /**
   * @param error PCRE2's message when it refuses the pattern, else {@code null}
   * @param unsupported when opsbook does not reproduce the pattern, the construct; else {@code null}
   * @param java the translated pattern when there is neither an error nor an unsupported construct
   * @param groups the number of capture groups
   */
  public record Compiled(String error, String unsupported, Pattern java, int groups) {
    public boolean usable() {
      return java != null;
    }
  }

  /** What one match found, or that matching took too many steps to decide. */
  public record MatchResult(boolean found, boolean tooComplex, String[] groups) {
    public MatchResult {
      groups = groups == null ? null : groups.clone();
    }

    @Override
    public String[] groups() {
      return groups == null ? null : groups.clone();
    }
  }

  public static Compiled compile(String pattern) {
    String bytes = toBytes(pattern);
    if (bytes.indexOf('\0') >= 0) {
      // Varnish hands PCRE2 a C string: the pattern ends at the first NUL.
      bytes = bytes.substring(0, bytes.indexOf('\0'));
    }
    try {
      Pcre2Translator.Result r = Pcre2Translator.translate(bytes);
      try {
        return new Compiled(null, null, Pattern.compile(r.java()), r.groups());
      } catch (PatternSyntaxException e) {
        return new Compiled(null, "a construct Java's regex engine does not take (" + e.getDescription() + ")", null,
            r.groups());
      }
    } catch (Pcre2Error e) {
      return new Compiled(e.getMessage(), null, null, 0);
    } catch (Unsupported e) {
      return new Compiled(null, e.getMessage(), null, 0);
    } catch (StackOverflowError e) {
      return new Compiled(null, "a pattern nested too deeply for opsbook", null, 0);
    }
  }

  /** Matches {@code subject} (a VCL string) anywhere, as PCRE2 does without anchoring options. */
  public static MatchResult find(Compiled compiled, String subject) {
    return find(compiled, toBytes(subject), 0);
  }

  /**
   * Finds from byte offset {@code from} of {@code subjectBytes} (a string of byte-chars, see
   * {@link #toBytes}); group texts come back as byte-chars too.
   */
  public static MatchResult find(Compiled compiled, String subjectBytes, int from) {
    Budget input = new Budget(subjectBytes);
    Matcher m = compiled.java().matcher(input);
    try {
      if (!m.find(from)) {
        return new MatchResult(false, false, null);
      }
      String[] g = new String[m.groupCount() + 1];
      int[] bounds = new int[2 * g.length];
      for (int k = 0; k < g.length; k++) {
        g[k] = m.group(k);
        bounds[2 * k] = m.start(k);
        bounds[2 * k + 1] = m.end(k);
      }
      return new MatchResult(true, false, withBounds(g, bounds));
    } catch (Budget.Exhausted e) {
      return new MatchResult(false, true, null);
    }
  }

  /** Group texts followed by their offsets, "start,end", so callers can continue after a match. */
  private static String[] withBounds(String[] groups, int[] bounds) {
    String[] out = new String[groups.length + 1];
    System.arraycopy(groups, 0, out, 0, groups.length);
    out[groups.length] = bounds[0] + "," + bounds[1];
    return out;
  }

  /** A VCL string as PCRE2 sees it: its UTF-8 bytes, one char per byte. */
  public static String toBytes(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** The inverse of {@link #toBytes}, replacing bytes that are not UTF-8. */
  public static String fromBytes(String bytes) {
    return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  /** A subject that counts reads and stops a match that would run away. */
  private static final class Budget implements CharSequence {
    static final class Exhausted extends RuntimeException {
      private static final long serialVersionUID = 1L;

      Exhausted() {
        super(null, null, false, false);
      }
    }

    private final String s;
    private long steps;

    Budget(String s) {
      this.s = s;
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public char charAt(int index) {
      if (++steps > STEP_BUDGET) {
        throw new Exhausted();
      }
      return s.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return s.substring(start, end);
    }

    @Override
    public String toString() {
      return s;
    }
  }
}

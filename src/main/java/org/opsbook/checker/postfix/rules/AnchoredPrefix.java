package org.opsbook.checker.postfix.rules;

import org.opsbook.checker.postfix.model.RegexSpec;
import org.opsbook.checker.postfix.model.TableKind;

/**
 * The literal text a pattern demands at the start of the input ({@code /^Subject: x/} demands
 * {@code "Subject: x"}), and whether that text is all the pattern says.
 *
 * @param text the literal prefix, lower-cased when the pattern is case-insensitive
 * @param whole whether the pattern is exactly {@code ^} plus this text
 * @param caseless whether the pattern matches case-insensitively
 */
record AnchoredPrefix(String text, boolean whole, boolean caseless) {

  /** The prefix of a pattern anchored with ^, or null when it is not anchored or uses x mode. */
  static AnchoredPrefix of(RegexSpec spec, TableKind kind) {
    String b = spec.body();
    if (!b.startsWith("^") || spec.toggles('x') || spec.toggles('m')) {
      return null;
    }
    boolean caseless = !spec.toggles('i');
    StringBuilder text = new StringBuilder();
    int i = 1;
    boolean whole = true;
    while (i < b.length()) {
      char c = b.charAt(i);
      int next;
      char lit;
      if (c == '\\' && i + 1 < b.length() && !Character.isLetterOrDigit(b.charAt(i + 1))) {
        lit = b.charAt(i + 1);
        next = i + 2;
      } else if (".[]()|*+?{}^$\\".indexOf(c) >= 0) {
        whole = false;
        break;
      } else {
        lit = c;
        next = i + 1;
      }
      if (next < b.length() && "*+?{".indexOf(b.charAt(next)) >= 0) {
        whole = false; // the last character is repeated: it is not part of the fixed prefix
        break;
      }
      text.append(lit);
      i = next;
    }
    if (b.indexOf('|') >= 0) {
      return null; // an alternation may leave the prefix optional
    }
    String t = caseless ? text.toString().toLowerCase(java.util.Locale.ROOT) : text.toString();
    return new AnchoredPrefix(t, whole && i >= b.length(), caseless);
  }
}

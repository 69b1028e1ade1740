package org.opsbook.checker.openssh;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.opsbook.diag.Diagnostic;

/**
 * Reads {@code # expect: rule-id} comments from a rule test input (ssh_config, authorized_keys:
 * both take {@code #} comments) and puts findings in the same "line rule-id" form, so a test can
 * compare the two sets.
 */
public final class ExpectComments {
  private ExpectComments() {}

  /** "line rule-id" for each expectation, the line being the next one that is not a comment. */
  public static TreeSet<String> expected(String text) {
    TreeSet<String> expected = new TreeSet<>();
    List<String> pending = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String t = lines[i].strip();
      if (t.startsWith("# expect:")) {
        pending.add(t.substring("# expect:".length()).strip());
      } else if (!t.startsWith("#") && !t.isEmpty()) {
        for (String rule : pending) {
          expected.add((i + 1) + " " + rule);
        }
        pending.clear();
      }
    }
    return expected;
  }

  /** "line rule-id" for each finding. */
  public static TreeSet<String> found(List<Diagnostic> findings) {
    TreeSet<String> actual = new TreeSet<>();
    for (Diagnostic d : findings) {
      actual.add(d.where().line() + " " + d.rule().value());
    }
    return actual;
  }
}

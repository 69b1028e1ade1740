package org.opsbook.checker.iptables.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsbook.check.Comparison;

/**
 * How a test case's expected outcome compares with the simulator's: the events and the verdict
 * in order, words case-insensitive; REDIRECT and DNAT name the same rewrite; LOG entries count only
 * when the case mentions one, and a bare {@code LOG} stands for a LOG entry with any prefix.
 */
public final class VerdictComparison {
  private VerdictComparison() {}

  public static Comparison compare(String expectedText, String actualText) {
    List<String> expected = normalize(expectedText);
    List<String> actual = normalize(actualText);
    if (expected.stream().noneMatch(e -> e.startsWith("LOG"))) {
      actual.removeIf(a -> a.startsWith("LOG"));
    } else {
      for (int k = 0; k < actual.size(); k++) {
        if (actual.get(k).startsWith("LOG") && k < expected.size() && expected.get(k).equals("LOG")) {
          actual.set(k, "LOG");
        }
      }
    }
    if (actual.equals(expected)) {
      return Comparison.agree();
    }
    return Comparison.differ("expected " + String.join(", ", expected) + " but the packet got " + String.join(", ", actual));
  }

  private static List<String> normalize(String outcome) {
    List<String> out = new ArrayList<>();
    for (String part : outcome.split(",")) {
      String p = Comparison.collapse(part);
      if (p.isEmpty()) {
        continue;
      }
      int sp = p.indexOf(' ');
      String word = (sp < 0 ? p : p.substring(0, sp)).toUpperCase(Locale.ROOT);
      // REDIRECT is a DNAT to one of the host's own addresses; either word states it
      out.add((word.equals("REDIRECT") ? "DNAT" : word) + (sp < 0 ? "" : p.substring(sp)));
    }
    return out;
  }
}

package org.opsbook.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DiagnosticOrderTest {
  // The documented order, spelled as a comparator chain: the written-out compareTo must agree.
  private static final Comparator<Diagnostic> DOCUMENTED = Comparator
      .comparing((Diagnostic d) -> d.where().file())
      .thenComparingInt(d -> d.where().line())
      .thenComparingInt(d -> d.where().column())
      .thenComparing(d -> d.rule().value())
      .thenComparing(Diagnostic::severity)
      .thenComparing(Diagnostic::message);

  @Test
  void sortsByFileLineColumnRuleSeverityAndMessage() {
    Random random = new Random(7);
    List<Diagnostic> all = new ArrayList<>();
    String[] files = {"content/articles/a/index.md", "content/articles/ab/index.md", "content/articles/b/index.md", "opsbook.yaml"};
    String[] rules = {"sshd.unknown-keyword", "sshd.max-auth-tries", "nginx.missing-certificate"};
    for (int i = 0; i < 3000; i++) {
      // New string instances, so equal files are not always the same object.
      String file = new String(files[random.nextInt(files.length)]);
      all.add(new Diagnostic(new SourceSpan(random.nextBoolean() ? file : file.intern(), 1 + random.nextInt(4),
          1 + random.nextInt(3)), RuleId.of(rules[random.nextInt(rules.length)]),
          Severity.values()[random.nextInt(Severity.values().length)], "message " + random.nextInt(3), null));
    }
    for (int i = 0; i < all.size(); i++) {
      Diagnostic a = all.get(i);
      Diagnostic b = all.get(random.nextInt(all.size()));
      assertEquals(Integer.signum(DOCUMENTED.compare(a, b)), Integer.signum(a.compareTo(b)), a + " vs " + b);
    }
    List<Diagnostic> expected = new ArrayList<>(all);
    expected.sort(DOCUMENTED);
    List<Diagnostic> actual = new ArrayList<>(all);
    actual.sort(null);
    assertEquals(expected, actual);
  }
}

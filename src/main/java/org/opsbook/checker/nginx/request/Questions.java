package org.opsbook.checker.nginx.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsbook.check.Answer;
import org.opsbook.check.Comparison;
import org.opsbook.check.TestBlock;
import org.opsbook.check.TestCase;
import org.opsbook.checker.nginx.model.NginxConfig;

/**
 * The nginx checker's side of test blocks and {@code opsbook query}: reads a request
 * ({@link QuestionReader}), runs it ({@link Evaluator}) and writes the answer as clauses
 * separated by commas: the outcome first ({@code 301 https://...}, {@code 404}, {@code 200
 * "text"}, {@code file /var/www/...}, {@code 503 file ...}, {@code proxy http://app/...}), then
 * {@code header Name "value"} for every header add_header gives the response, then {@code server
 * NAME} and {@code location LOCATION}, the blocks that answered. An expectation
 * compares clause by clause: its outcome must equal the model's, and every other clause it
 * states must hold ({@code header Name "value"}, {@code no header Name}, {@code server NAME},
 * {@code location LOCATION}); clauses it leaves out are not compared. Stateless.
 */
public final class Questions {
  private Questions() {}

  public static Answer answer(NginxConfig model, TestCase testCase, TestBlock block) {
    QuestionReader.Read read = QuestionReader.read(testCase.question(), block.block().attribute("files").orElse(null));
    if (read.request() == null) {
      return Answer.unreadable(read.error(), "write METHOD URL, then headers (Name: value) and facts (from ADDR, "
          + "to ADDR, cookie NAME=VALUE, files PATH ...), e.g. GET https://example.org/a from 192.0.2.7");
    }
    if (!model.complete()) {
      return Answer.cannotEvaluate("the configuration could not be read to its end");
    }
    try {
      Outcome o = new Evaluator(model, read.request()).run();
      List<String> clauses = new ArrayList<>();
      clauses.add(o.result());
      clauses.addAll(o.headers());
      clauses.add("server " + o.server());
      if (!o.location().isEmpty()) {
        clauses.add("location " + o.location());
      }
      StringBuilder trace = new StringBuilder();
      for (String t : o.trace()) {
        trace.append(t).append('\n');
      }
      trace.append("=> ").append(String.join(", ", clauses)).append('\n');
      return Answer.of(String.join(", ", clauses), trace.toString());
    } catch (CannotEvaluate e) {
      return Answer.cannotEvaluate(e.getMessage());
    }
  }

  public static Comparison compare(TestCase testCase, Answer answer) {
    List<String> expected = clauses(testCase.expected());
    List<String> actual = clauses(answer.text());
    if (expected.isEmpty()) {
      return Comparison.unreadable("the expected answer is empty", null);
    }
    String server = clause(actual, "server ");
    String location = clause(actual, "location ");
    List<String> problems = new ArrayList<>();
    if (!Comparison.collapse(expected.get(0)).equals(Comparison.collapse(actual.get(0)))) {
      problems.add("expected '" + expected.get(0) + "' but nginx answers '" + actual.get(0) + "'");
    }
    for (String clause : expected.subList(1, expected.size())) {
      String c = Comparison.collapse(clause);
      String lower = c.toLowerCase(Locale.ROOT);
      if (lower.startsWith("header ")) {
        if (actual.stream().noneMatch(a -> sameHeader(a, c))) {
          problems.add("no " + c + " in the response" + headerList(actual));
        }
      } else if (lower.startsWith("no header ")) {
        String name = c.substring("no header ".length()).strip().toLowerCase(Locale.ROOT);
        if (actual.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("header " + name + " "))) {
          problems.add("the response has the header " + c.substring("no header ".length()));
        }
      } else if (lower.startsWith("server ")) {
        if (!c.substring(7).equals(server)) {
          problems.add("expected server " + c.substring(7) + " but nginx picks server " + server);
        }
      } else if (lower.startsWith("location ")) {
        if (!c.substring(9).equals(location)) {
          problems.add("expected location " + c.substring(9) + " but nginx picks location "
              + (location.isEmpty() ? "(none)" : location));
        }
      } else {
        return Comparison.unreadable("cannot read the clause '" + clause + "'",
            "after the outcome, write header Name \"value\", no header Name, server NAME or location LOCATION");
      }
    }
    return problems.isEmpty() ? Comparison.agree() : Comparison.differ(String.join("; ", problems));
  }

  private static String headerList(List<String> actual) {
    List<String> headers = actual.stream().filter(a -> a.startsWith("header ")).toList();
    return headers.isEmpty() ? " (add_header adds none)" : " (it has " + String.join(", ", headers) + ")";
  }

  private static boolean sameHeader(String actual, String expected) {
    String[] a = actual.split(" ", 3);
    String[] e = expected.split(" ", 3);
    return a.length == 3 && e.length == 3 && a[1].equalsIgnoreCase(e[1]) && a[2].equals(e[2]);
  }

  private static String clause(List<String> clauses, String prefix) {
    for (String c : clauses) {
      if (c.startsWith(prefix)) {
        return c.substring(prefix.length());
      }
    }
    return "";
  }

  /** Splits at commas outside double quotes. */
  static List<String> clauses(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        if (!cur.toString().isBlank()) {
          out.add(cur.toString().strip());
        }
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().strip());
    }
    return out;
  }
}

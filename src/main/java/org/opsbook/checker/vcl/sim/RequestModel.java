package org.opsbook.checker.vcl.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opsbook.check.Answer;
import org.opsbook.check.Comparison;
import org.opsbook.checker.vcl.model.VclProgram;

/**
 * The VCL checker's executable model, as test blocks and {@code opsbook query} ask it: what a
 * compiled program does with one client request before any backend answers.
 *
 * <p>An answer has one clause a line. The first line is the action ({@code hash}, {@code pass},
 * {@code pipe}, {@code synth 503 "Service Unavailable"}, with {@code purge;}, {@code fail;} or
 * {@code restart;} before it when those came first). Then, for hash, pass and pipe:
 * {@code backend NAME}; the request's changes made by VCL ({@code req.url: ...},
 * {@code req.http.NAME: VALUE}, {@code unset req.http.NAME}); for hash, {@code hash "..." ...};
 * for a synthetic response, the request's changes and each response header VCL set
 * ({@code resp.http.NAME: VALUE}). An expectation names the action on its first line and any of
 * the other clauses on the following ones, plus {@code no req.http.NAME} or
 * {@code no resp.http.NAME} for a header that must be absent at the end. Pure functions.
 */
public final class RequestModel {
  private RequestModel() {}

  public static Answer answer(VclProgram program, String question) {
    QuestionReader.Read read = QuestionReader.read(question);
    if (read.problem() != null) {
      return Answer.unreadable(read.problem().message(), read.problem().hint());
    }
    Interpreter in = new Interpreter(program, read.request());
    try {
      Outcome o = in.run();
      StringBuilder text = new StringBuilder(o.action());
      for (Outcome.Clause c : o.clauses()) {
        text.append('\n').append(c.text());
      }
      return Answer.of(text.toString(), String.join("\n", o.trace()));
    } catch (CannotEvaluate e) {
      return Answer.cannotEvaluate(e.getMessage());
    } catch (StackOverflowError e) {
      return Answer.cannotEvaluate("the request goes through too many nested calls");
    }
  }

  /** Whether the answer has every clause the expectation names, and the same action. */
  public static Comparison compare(String question, String expected, String answerText) {
    List<String> want = lines(expected);
    List<String> have = lines(answerText);
    if (want.isEmpty()) {
      return Comparison.unreadable("the expected answer is empty", "write the action, such as pass or synth 503");
    }
    if (!same(want.get(0), have.get(0))) {
      return Comparison.differ("expected '" + want.get(0) + "' but the model gives '" + have.get(0) + "'"
          + (have.size() > 1 ? " (" + String.join("; ", have.subList(1, have.size())) + ")" : ""));
    }
    QuestionReader.Read read = QuestionReader.read(question);
    for (String clause : want.subList(1, want.size())) {
      if (clause.toLowerCase(Locale.ROOT).startsWith("no ")) {
        String header = clause.substring(3).strip();
        String h = header.toLowerCase(Locale.ROOT);
        if (!h.startsWith("req.http.") && !h.startsWith("resp.http.")) {
          return Comparison.unreadable("'" + clause + "': no takes req.http.NAME or resp.http.NAME", null);
        }
        if (present(h, have, read.request())) {
          return Comparison.differ("expected " + header + " to be absent, but the model has it: "
              + String.join("; ", have));
        }
        continue;
      }
      boolean found = false;
      for (String c : have.subList(1, have.size())) {
        if (same(clause, c)) {
          found = true;
          break;
        }
        if (c.contains("(unknown: ") && key(clause).equals(key(c))) {
          return Comparison.differ("the model does not know " + key(c) + ": " + c);
        }
      }
      if (!found) {
        return Comparison.differ("expected '" + clause + "' but the model gives: " + String.join("; ", have));
      }
    }
    return Comparison.agree();
  }

  /** Whether a header is there at the end: set by VCL, or sent by the client and not removed. */
  private static boolean present(String header, List<String> have, Request request) {
    for (String c : have) {
      if (key(c).equals(header)) {
        return true;
      }
    }
    if (header.startsWith("req.http.") && request != null) {
      String name = header.substring("req.http.".length());
      boolean removed = have.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).equals("unset " + header));
      return !removed && request.headers().stream().anyMatch(e -> e.getKey().equalsIgnoreCase(name));
    }
    return false;
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String l : text.split("\n")) {
      String c = l.strip().replaceAll("\\s+", " ");
      if (!c.isEmpty()) {
        out.add(c);
      }
    }
    return out;
  }

  /** The part of a clause before its value: "resp.http.retry-after" of "resp.http.Retry-After: 5". */
  private static String key(String clause) {
    int colon = clause.indexOf(": ");
    return (colon < 0 ? clause : clause.substring(0, colon)).toLowerCase(Locale.ROOT);
  }

  private static boolean same(String a, String b) {
    int ca = a.indexOf(": ");
    int cb = b.indexOf(": ");
    if (ca < 0 || cb < 0) {
      // Header and backend names compare without regard to case, as Varnish compares them.
      for (String word : List.of("unset ", "backend ")) {
        if (a.startsWith(word) && b.startsWith(word)) {
          return a.substring(word.length()).equalsIgnoreCase(b.substring(word.length()));
        }
      }
      return a.equals(b);
    }
    return a.substring(0, ca).equalsIgnoreCase(b.substring(0, cb)) && a.substring(ca).equals(b.substring(cb));
  }
}

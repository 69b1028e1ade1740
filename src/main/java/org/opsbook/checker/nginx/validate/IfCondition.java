package org.opsbook.checker.nginx.validate;

import java.util.List;
import java.util.Set;
import org.opsbook.checker.nginx.model.Arg;
import org.opsbook.checker.nginx.model.Directive;
import org.opsbook.checker.nginx.model.Regex;
import org.opsbook.checker.nginx.rules.NginxRules;

/**
 * The condition of {@code if}, read as ngx_http_rewrite_if_condition() reads it (nginx:
 * src/http/modules/ngx_http_rewrite_module.c): {@code ($var)}, {@code ($var = text)}, {@code !=},
 * {@code ~}, {@code ~*}, {@code !~}, {@code !~*} with a regex, or a file test {@code -f},
 * {@code -d}, {@code -e}, {@code -x} (negated with {@code !}). Stateless.
 */
public final class IfCondition {
  private IfCondition() {}

  /** The parts of a condition with the parentheses removed. */
  public record Parts(List<String> words) {}

  /** The condition's words without the enclosing parentheses, or null when they are missing. */
  public static Parts parts(Directive d) {
    List<String> args = d.args().stream().map(Arg::value).toList();
    if (args.isEmpty() || !args.get(0).startsWith("(") || !args.get(args.size() - 1).endsWith(")")) {
      return null;
    }
    java.util.ArrayList<String> w = new java.util.ArrayList<>(args);
    String first = w.get(0).substring(1);
    if (first.isEmpty()) {
      w.remove(0);
    } else {
      w.set(0, first);
    }
    if (w.isEmpty()) {
      return null;
    }
    String last = w.get(w.size() - 1);
    last = last.substring(0, last.length() - 1);
    if (last.isEmpty()) {
      w.remove(w.size() - 1);
    } else {
      w.set(w.size() - 1, last);
    }
    return w.isEmpty() ? null : new Parts(List.copyOf(w));
  }

  static boolean check(Directive d, Reporter report, Set<String> defined) {
    List<Arg> args = d.args();
    if (!args.get(0).value().startsWith("(")) {
      report.at(NginxRules.INVALID_VALUE, d, args.get(0), "invalid condition \"" + args.get(0).value() + "\"", null);
      return false;
    }
    Arg lastArg = args.get(args.size() - 1);
    if (!lastArg.value().endsWith(")")) {
      report.at(NginxRules.INVALID_VALUE, d, lastArg, "invalid condition \"" + lastArg.value() + "\"", null);
      return false;
    }
    Parts p = parts(d);
    if (p == null) {
      report.at(NginxRules.INVALID_VALUE, d, args.get(0), "invalid condition \"" + args.get(0).value() + "\"", null);
      return false;
    }
    List<String> w = p.words();
    String first = w.get(0);
    if (first.length() > 1 && first.startsWith("$")) {
      if (w.size() != 1 && w.size() != 3) {
        report.at(NginxRules.INVALID_VALUE, d, args.get(0), "invalid condition \"" + first + "\"", null);
        return false;
      }
      if (w.size() == 1) {
        return true;
      }
      String op = w.get(1);
      if (op.equals("=") || op.equals("!=")) {
        return true;
      }
      if (op.equals("~") || op.equals("~*") || op.equals("!~") || op.equals("!~*")) {
        Regex r = Regex.compile(w.get(2), op.endsWith("*"));
        if (r.isRefused()) {
          report.at(NginxRules.REGEX, d, "pcre2_compile() failed: " + r.error() + " in \"" + w.get(2) + "\"", null);
          return false;
        }
        defined.addAll(r.names().keySet());
        return true;
      }
      report.at(NginxRules.INVALID_VALUE, d, "unexpected \"" + op + "\" in condition", null);
      return false;
    }
    if (first.length() == 2 && first.charAt(0) == '-' || first.length() == 3 && first.startsWith("!-")) {
      if (w.size() != 2) {
        report.at(NginxRules.INVALID_VALUE, d, "invalid condition \"" + first + "\"", null);
        return false;
      }
      char op = first.charAt(first.length() - 1);
      if ("fdex".indexOf(op) < 0) {
        report.at(NginxRules.INVALID_VALUE, d, "invalid condition \"" + first + "\"", null);
        return false;
      }
      return true;
    }
    report.at(NginxRules.INVALID_VALUE, d, "invalid condition \"" + first + "\"", null);
    return false;
  }
}

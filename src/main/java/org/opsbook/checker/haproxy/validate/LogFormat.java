package org.opsbook.checker.haproxy.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opsbook.checker.haproxy.catalogue.Place;
import org.opsbook.checker.haproxy.model.SampleExpr;

/**
 * Reads a log-format string as log.c's parse_logformat_string does: {@code %%} for a percent
 * sign, {@code %[expression]} for a sample, {@code %{flags}} before either, and {@code %NAME} for
 * one of the log variables. Used for log-format, header values, redirect locations, dynamic
 * backend names and the other arguments HAProxy takes as formats. Stateless.
 */
final class LogFormat {
  /** The variable names of log.c's logformat_keywords table (2.6). */
  static final Set<String> VARIABLES = Set.of("o", "B", "CC", "CS", "H", "ID", "ST", "T", "Ta", "Tc", "Th", "Ti", "Tl",
      "Tq", "Tr", "TR", "Td", "Ts", "Tt", "Tu", "Tw", "U", "ac", "b", "bc", "bi", "bp", "bq", "ci", "cp", "f", "fc",
      "fi", "fp", "ft", "hr", "hrl", "hs", "hsl", "HM", "HP", "HPO", "HQ", "HU", "HV", "lc", "ms", "pid", "r", "rc",
      "rt", "s", "sc", "si", "sp", "sq", "sslc", "sslv", "t", "tr", "trg", "trl", "ts", "tsc");

  private LogFormat() {}

  /** A format read: its sample expressions, or the first error. */
  record Read(List<SampleExpr> samples, String error, boolean hasVariables) {}

  /**
   * Reads {@code text}; {@code places} are where its samples will be fetched, for the check that
   * a fetch is usable there (empty: not checked).
   */
  static Read read(String text, Set<Place> places) {
    List<SampleExpr> samples = new ArrayList<>();
    boolean variables = false;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c != '%') {
        i++;
        continue;
      }
      i++;
      if (i >= n) {
        return new Read(samples, "truncated line after '%'", variables);
      }
      if (text.charAt(i) == '%') {
        i++;
        continue;
      }
      if (text.charAt(i) == '{') {
        int close = text.indexOf('}', i);
        if (close < 0) {
          return new Read(samples, "missing '}' after flags", variables);
        }
        i = close + 1;
        if (i >= n) {
          return new Read(samples, "truncated line after '%'", variables);
        }
      }
      if (text.charAt(i) == '[') {
        int start = i + 1;
        SampleReader.Read r = SampleReader.read(text, start, ']', false);
        if (!r.ok()) {
          return new Read(samples, "failed to parse sample expression <" + text.substring(start) + "> : " + r.error(),
              variables);
        }
        if (r.end() >= n || text.charAt(r.end()) != ']') {
          return new Read(samples, "missing ']' after '" + text.substring(start) + "'", variables);
        }
        if (!SampleReader.usable(r.expr(), places)) {
          return new Read(samples, "sample fetch <" + text.substring(start) + "> may not be reliably used here because "
              + "it needs what is not available here", variables);
        }
        samples.add(r.expr());
        i = r.end() + 1;
        continue;
      }
      int start = i;
      while (i < n && Character.isLetterOrDigit(text.charAt(i)) && text.charAt(i) < 128) {
        i++;
      }
      String name = text.substring(start, i);
      if (name.isEmpty()) {
        return new Read(samples, "unexpected character '" + text.charAt(start) + "' after '%'", variables);
      }
      if (!VARIABLES.contains(name)) {
        return new Read(samples, "no such format variable '" + name + "'. If you wanted to emit the '%' character "
            + "verbatim, you need to use '%%'", variables);
      }
      variables = true;
    }
    return new Read(samples, null, variables);
  }
}

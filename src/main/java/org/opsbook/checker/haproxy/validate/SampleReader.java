package org.opsbook.checker.haproxy.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opsbook.checker.haproxy.catalogue.ConverterSpec;
import org.opsbook.checker.haproxy.catalogue.FetchSpec;
import org.opsbook.checker.haproxy.catalogue.Place;
import org.opsbook.checker.haproxy.catalogue.Samples;
import org.opsbook.checker.haproxy.model.SampleExpr;

/**
 * Reads a sample expression as HAProxy's sample_parse_expr does: a fetch, its arguments in
 * parentheses, then converters each after a comma with their own arguments. Arguments are split
 * at commas outside quotes; their count is checked against the catalogue. Stateless.
 */
final class SampleReader {
  private SampleReader() {}

  /** An expression read, or why not; {@code end} is where reading stopped in the text. */
  record Read(SampleExpr expr, String error, int end) {
    boolean ok() {
      return error == null;
    }
  }

  /**
   * Reads an expression from {@code text} at {@code from}, stopping at the end or at {@code stop}
   * (for example {@code ]} in a log-format string).
   *
   * @param acl whether ACL keywords ({@code path_beg}, {@code hdr}) are accepted as the fetch
   */
  static Read read(String text, int from, char stop, boolean acl) {
    int i = from;
    int n = text.length();
    int nameStart = i;
    while (i < n && text.charAt(i) != '(' && text.charAt(i) != ',' && text.charAt(i) != stop) {
      i++;
    }
    String name = text.substring(nameStart, i);
    if (name.isEmpty()) {
      return new Read(null, "missing fetch method", i);
    }
    String fetch = name;
    String what = "fetch method '" + name + "'";
    Optional<FetchSpec> spec = Samples.fetch(name);
    if (acl) {
      Optional<org.opsbook.checker.haproxy.catalogue.AclKeyword> kw = Samples.aclKeyword(name);
      if (kw.isPresent()) {
        fetch = kw.get().fetch();
        spec = Samples.fetch(fetch);
        what = "ACL keyword '" + name + "'";
      }
    }
    if (spec.isEmpty()) {
      return new Read(null, "unknown fetch method '" + name + "'", i);
    }
    List<String> args = new ArrayList<>();
    if (i < n && text.charAt(i) == '(') {
      int close = arguments(text, i + 1, args);
      if (close < 0) {
        return new Read(null, (acl ? what : "fetch method '" + name + "'") + " : expected ')'", n);
      }
      i = close + 1;
    }
    String countError = count(args.size(), spec.get().required(), spec.get().allowed());
    if (countError != null) {
      return new Read(null, "fetch method '" + name + "' : " + countError, i);
    }
    List<SampleExpr.Converter> converters = new ArrayList<>();
    while (i < n && text.charAt(i) != stop) {
      if (text.charAt(i) != ',') {
        return new Read(null, "missing comma after fetch keyword '" + name + "'", i);
      }
      i++;
      int cs = i;
      while (i < n && text.charAt(i) != '(' && text.charAt(i) != ',' && text.charAt(i) != stop) {
        i++;
      }
      String conv = text.substring(cs, i);
      Optional<ConverterSpec> c = Samples.converter(conv);
      if (c.isEmpty()) {
        return new Read(null, (acl ? what + " : " : "") + "unknown converter '" + conv + "'", i);
      }
      List<String> cargs = new ArrayList<>();
      if (i < n && text.charAt(i) == '(') {
        int close = arguments(text, i + 1, cargs);
        if (close < 0) {
          return new Read(null, "missing closing ')' after arguments to converter '" + conv + "'", n);
        }
        i = close + 1;
      }
      String e = count(cargs.size(), c.get().required(), c.get().allowed());
      if (e != null) {
        return new Read(null, (acl ? what + " : " : "") + "invalid arg " + (cargs.size() + 1) + " in converter '" + conv
            + "' : " + e, i);
      }
      converters.add(new SampleExpr.Converter(conv, cargs));
    }
    return new Read(new SampleExpr(fetch, args, converters, text.substring(from, i)), null, i);
  }

  private static String count(int got, int required, int allowed) {
    if (got < required) {
      return "missing arguments (got " + got + "/" + required + ")";
    }
    if (got > allowed) {
      return "end of arguments expected at position " + (allowed + 1) + ", but got '...'";
    }
    return null;
  }

  /**
   * Splits the arguments starting at {@code from} (just after '(') into {@code out} and returns
   * the index of the closing parenthesis, or -1 when there is none. Quotes protect commas and
   * parentheses, a backslash the next character, as make_arg_list reads them.
   */
  static int arguments(String text, int from, List<String> out) {
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && i + 1 < text.length()) {
          cur.append(text.charAt(++i));
        } else {
          cur.append(c);
        }
        continue;
      }
      if (c == '"' || c == '\'') {
        quote = c;
        any = true;
      } else if (c == '\\' && i + 1 < text.length()) {
        cur.append(text.charAt(++i));
        any = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
        any = true;
      } else if (c == ')') {
        if (any || cur.length() > 0) {
          out.add(cur.toString());
        }
        return i;
      } else {
        cur.append(c);
        any = true;
      }
    }
    return -1;
  }

  /** The output type after the converters: the last converter's, else the fetch's. */
  static String outputType(SampleExpr expr) {
    if (!expr.converters().isEmpty()) {
      SampleExpr.Converter last = expr.converters().get(expr.converters().size() - 1);
      return Samples.converter(last.name()).map(ConverterSpec::output).orElse("any");
    }
    return Samples.fetch(expr.fetch()).map(FetchSpec::output).orElse("any");
  }

  /** Whether the fetch can be used in at least one of {@code places}. */
  static boolean usable(SampleExpr expr, Set<Place> places) {
    FetchSpec spec = Samples.fetch(expr.fetch()).orElse(null);
    if (spec == null || places.isEmpty()) {
      return true;
    }
    for (Place p : places) {
      if (spec.usableIn(p)) {
        return true;
      }
    }
    return false;
  }
}

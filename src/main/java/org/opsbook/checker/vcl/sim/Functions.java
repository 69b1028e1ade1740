package org.opsbook.checker.vcl.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opsbook.checker.vcl.model.Addresses;
import org.opsbook.checker.vcl.model.Expr;
import org.opsbook.checker.vcl.regex.Pcre2Pattern;

/**
 * The VMOD functions the model computes: most of vmod_std (string functions, conversions,
 * file_exists and healthy from the question's facts) and the backend() of vmod_directors'
 * objects. Everything else is not known to the model. Semantics from vmod_std.c,
 * vmod_std_conversions.c and vmod_std_querysort.c of Varnish 7.1.
 */
final class Functions {
  private final Interpreter in;

  Functions(Interpreter in) {
    this.in = in;
  }

  Object call(Expr.Call c, Evaluator ev) {
    String name = c.signature().name().toLowerCase(Locale.ROOT);
    if (c.instance() != null) {
      return method(c, name);
    }
    if (name.equals("std.collect")) {
      return collect(c, ev);
    }
    if (name.equals("std.rollback")) {
      throw new CannotEvaluate("std.rollback(), which puts a request back as it arrived; the model does not follow it");
    }
    List<Object> a = new ArrayList<>();
    for (Expr arg : c.args()) {
      a.add(arg == null ? Absent.INSTANCE : ev.eval(arg));
    }
    for (Object v : a) {
      if (v instanceof Values.Unknown && !name.equals("std.log") && !name.equals("std.syslog")) {
        return v;
      }
    }
    return switch (name) {
      case "std.tolower" -> str(a.get(0)) == null ? null : asciiCase(str(a.get(0)), false);
      case "std.toupper" -> str(a.get(0)) == null ? null : asciiCase(str(a.get(0)), true);
      case "std.strstr" -> {
        String s1 = str(a.get(0));
        String s2 = str(a.get(1));
        if (s1 == null || s2 == null) {
          yield null;
        }
        int i = s1.indexOf(s2);
        yield i < 0 ? null : s1.substring(i);
      }
      case "std.file_exists" -> fileExists(str(a.get(0)));
      case "std.fileread" -> new Values.Unknown("the contents of " + str(a.get(0)));
      case "std.healthy" -> healthy(a.get(0));
      case "std.port" -> {
        Values.Ip ip = (Values.Ip) a.get(0);
        yield ip == null ? 0L : ip.port() < 0 ? new Values.Unknown("the client's port (give client=ADDR:PORT)")
            : (Object) (long) ip.port();
      }
      case "std.integer" -> integer(a);
      case "std.real" -> real(a);
      case "std.duration" -> duration(a);
      case "std.ip" -> ip(a);
      case "std.querysort" -> str(a.get(0)) == null ? null : querysort(str(a.get(0)));
      case "std.round" -> (double) Math.round((Double) a.get(0));
      case "std.log", "std.syslog", "std.timestamp", "std.late_100_continue", "std.set_ip_tos" -> null;
      case "std.syntax" -> in.program().syntax() / 10.0 >= ((Double) a.get(0)) - 1e-9;
      case "std.real2integer" -> {
        double r = (Double) a.get(0);
        yield Double.isFinite(r) ? (Object) (long) Math.round(r) : a.get(1);
      }
      default -> new Values.Unknown(c.signature().name() + "(), which the model does not compute");
    };
  }

  /** std.collect(HEADER, sep): every line of the header joined into the first (http_CollectHdrSep). */
  private Object collect(Expr.Call c, Evaluator ev) {
    Expr target = c.args().get(0);
    while (target instanceof Expr.Convert conv) {
      target = conv.operand();
    }
    Object sep = c.args().size() > 1 && c.args().get(1) != null ? ev.eval(c.args().get(1)) : ", ";
    if (!(target instanceof Expr.VarRead v) || v.header() == null || !(sep instanceof String separator)) {
      throw new CannotEvaluate("std.collect() on something other than a request or response header");
    }
    String family = v.variable().name().toLowerCase(Locale.ROOT);
    Headers h = family.equals("req.http") ? in.req : family.equals("resp.http") ? in.resp : null;
    if (h == null) {
      throw new CannotEvaluate("std.collect() on " + family + " headers, which the model does not have");
    }
    h.collect(v.header(), separator.isEmpty() ? ", " : separator);
    in.note("std.collect(" + v.name() + ")" + Interpreter.at(c.pos()));
    return null;
  }

  /** A parameter the call left out (optional arguments of std's conversion functions). */
  enum Absent { INSTANCE }

  private Object method(Expr.Call c, String name) {
    if (name.endsWith(".backend")) {
      return new Values.Backend(c.instance());
    }
    return new Values.Unknown(c.signature().name() + "() on " + c.instance());
  }

  private static String str(Object v) {
    return v instanceof String s ? s : null;
  }

  private Object fileExists(String path) {
    if (path == null) {
      return false;
    }
    if (in.q.existing().contains(path)) {
      in.note("std.file_exists(\"" + path + "\") is true (exists= in the question)");
      return true;
    }
    if (in.q.missing().contains(path)) {
      in.note("std.file_exists(\"" + path + "\") is false (missing= in the question)");
      return false;
    }
    return new Values.Unknown("whether " + path + " exists (say exists=" + path + " or missing=" + path + ")");
  }

  private Object healthy(Object backend) {
    if (backend == null) {
      return false;
    }
    String name = backend instanceof Values.Backend b ? b.name().toLowerCase(Locale.ROOT) : "";
    if (in.q.healthy().contains(name)) {
      return true;
    }
    if (in.q.sick().contains(name)) {
      return false;
    }
    return new Values.Unknown("whether backend " + name + " is healthy (say healthy=" + name + " or sick=" + name + ")");
  }

  static String asciiCase(String s, boolean upper) {
    StringBuilder b = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      if (upper && ch >= 'a' && ch <= 'z') {
        b.append((char) (ch - 32));
      } else if (!upper && ch >= 'A' && ch <= 'Z') {
        b.append((char) (ch + 32));
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }

  /** Strings as C compares them: by their UTF-8 bytes, unsigned. */
  static String bytes(String s) {
    return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  // --- Conversions (vmod_std_conversions.c) ---

  private static final Pattern SF_NUMBER = Pattern.compile("[ \\t]*(-?)([0-9]{1,15})(\\.([0-9]*))?[ \\t]*");

  private static Object integer(List<Object> a) {
    Object s = a.get(0);
    Object fallback = a.get(1);
    Object[] others = {a.get(2), a.get(3), a.get(4), a.get(5), a.get(6)};
    int n = s == Absent.INSTANCE ? 0 : 1;
    for (Object o : others) {
      n += o == Absent.INSTANCE ? 0 : 1;
    }
    if (n != 1) {
      throw new Interpreter.Failed("std.integer: " + (n > 1 ? "too many" : "not enough") + " arguments");
    }
    if (a.get(2) instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (a.get(3) instanceof Long bytes) {
      return bytes;
    }
    double r = Double.NaN;
    if (s instanceof String str) {
      Matcher m = SF_NUMBER.matcher(str);
      if (m.matches() && (m.group(3) == null || !m.group(4).isEmpty() || !m.group(2).isEmpty())) {
        double v = Double.parseDouble(m.group(2) + (m.group(4) == null || m.group(4).isEmpty() ? ""
            : "." + m.group(4).substring(0, Math.min(3, m.group(4).length()))));
        if (v == Math.rint(v)) {
          return (long) (m.group(1).isEmpty() ? v : -v);
        }
      }
    }
    if (a.get(4) instanceof Values.Duration d) {
      r = d.seconds();
    }
    if (a.get(5) instanceof Double d) {
      r = d;
    }
    if (!Double.isNaN(r)) {
      return (long) r;
    }
    if (fallback instanceof Long f) {
      return f;
    }
    throw new Interpreter.Failed("std.integer: conversion failed");
  }

  private static Object real(List<Object> a) {
    Object s = a.get(0);
    Object fallback = a.get(1);
    if (a.get(2) instanceof Long i) {
      return (double) i;
    }
    if (a.get(3) instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    if (a.get(4) instanceof Long bytes) {
      return (double) bytes;
    }
    if (a.get(5) instanceof Values.Duration d) {
      return d.seconds();
    }
    if (s instanceof String str) {
      Matcher m = SF_NUMBER.matcher(str);
      if (m.matches()) {
        String frac = m.group(4) == null ? "" : m.group(4).substring(0, Math.min(3, m.group(4).length()));
        double v = Double.parseDouble(m.group(2) + (frac.isEmpty() ? "" : "." + frac));
        return m.group(1).isEmpty() ? v : -v;
      }
    }
    if (fallback instanceof Double f) {
      return f;
    }
    throw new Interpreter.Failed("std.real: conversion failed");
  }

  private static final Pattern DURATION = Pattern.compile("[ \\t]*(-?[0-9]+(?:\\.[0-9]+)?)[ \\t]*(ms|s|m|h|d|w|y)[ \\t]*");

  private static Object duration(List<Object> a) {
    Object s = a.get(0);
    if (a.get(2) instanceof Double r) {
      return new Values.Duration(r);
    }
    if (a.get(3) instanceof Long i) {
      return new Values.Duration(i);
    }
    if (s instanceof String str) {
      Matcher m = DURATION.matcher(str);
      if (m.matches()) {
        double unit = switch (m.group(2)) {
          case "ms" -> 1e-3;
          case "s" -> 1;
          case "m" -> 60;
          case "h" -> 3600;
          case "d" -> 86400;
          case "w" -> 604800;
          default -> 31536000;
        };
        return new Values.Duration(Double.parseDouble(m.group(1)) * unit);
      }
      if (!str.isBlank() && !str.matches("[ \\t]*[-0-9.a-z ]*")) {
        // Clearly not a duration: the fallback decides.
        return fallbackDuration(a.get(1));
      }
      return new Values.Unknown("std.duration of \"" + str + "\", a form the model does not parse");
    }
    return fallbackDuration(a.get(1));
  }

  private static Object fallbackDuration(Object fallback) {
    if (fallback instanceof Values.Duration d) {
      return d;
    }
    throw new Interpreter.Failed("std.duration: conversion failed");
  }

  private static Object ip(List<Object> a) {
    Object s = a.get(0);
    Object fallback = a.get(1);
    if (s instanceof String str) {
      byte[] addr = Addresses.parse(str.strip());
      if (addr != null) {
        return new Values.Ip(addr, 80);
      }
      if (Boolean.FALSE.equals(a.get(2)) && fallback instanceof Values.Ip) {
        return fallback;
      }
      return new Values.Unknown("std.ip of \"" + str + "\", which Varnish would resolve");
    }
    if (fallback instanceof Values.Ip) {
      return fallback;
    }
    throw new Interpreter.Failed("std.ip: conversion failed");
  }

  /** vmod_std_querysort: the query's parameters sorted bytewise, empty ones dropped. */
  static String querysort(String url) {
    int q = url.indexOf('?');
    if (q < 0 || url.indexOf('&', q) < 0) {
      return url;
    }
    List<String> params = new ArrayList<>();
    for (String p : url.substring(q + 1).split("&", -1)) {
      if (!p.isEmpty()) {
        params.add(p);
      }
    }
    params.sort((x, y) -> {
      String bx = bytes(x);
      String by = bytes(y);
      for (int i = 0; i < Math.min(bx.length(), by.length()); i++) {
        if (bx.charAt(i) != by.charAt(i)) {
          return bx.charAt(i) - by.charAt(i);
        }
      }
      return 0;
    });
    return url.substring(0, q + 1) + String.join("&", params);
  }

  /** RFC2616_Req_Gzip: x-gzip listed, or gzip with a non-zero q value. */
  static boolean acceptsGzip(Headers req) {
    Object v = req.get("Accept-Encoding");
    if (!(v instanceof String s)) {
      return false;
    }
    double gzipQ = -1;
    for (String part : s.split(",")) {
      String[] kv = part.split(";");
      String token = kv[0].strip().toLowerCase(Locale.ROOT);
      if (token.equals("x-gzip")) {
        return true;
      }
      if (token.equals("gzip")) {
        double qv = 1;
        for (int i = 1; i < kv.length; i++) {
          String param = kv[i].strip();
          if (param.toLowerCase(Locale.ROOT).startsWith("q=")) {
            try {
              qv = Double.parseDouble(param.substring(2));
            } catch (NumberFormatException e) {
              qv = 0;
            }
          }
        }
        gzipQ = Math.max(gzipQ, qv);
      }
    }
    return gzipQ > 0;
  }

  /** regsub/regsuball with Varnish's replacement rules (\0 to \9; other escapes drop the backslash). */
  static Object regsub(String pattern, String subject, String replacement, boolean all) {
    Pcre2Pattern.Compiled c = Pcre2Pattern.compile(pattern);
    if (!c.usable()) {
      return new Values.Unknown("a regex the model does not reproduce (" + c.unsupported() + ")");
    }
    String s = Pcre2Pattern.toBytes(subject);
    String rep = Pcre2Pattern.toBytes(replacement);
    StringBuilder out = new StringBuilder();
    int offset = 0;
    boolean first = true;
    while (true) {
      Pcre2Pattern.MatchResult m = Pcre2Pattern.find(c, s, offset);
      if (m.tooComplex()) {
        return new Values.Unknown("a regex match that takes too many steps");
      }
      if (!m.found()) {
        if (first) {
          return subject;
        }
        break;
      }
      String[] g = m.groups();
      String[] bounds = g[g.length - 1].split(",");
      int start = Integer.parseInt(bounds[0]);
      int end = Integer.parseInt(bounds[1]);
      if (!first && start == end) {
        // Varnish asks PCRE2 for a non-empty match after the first (PCRE2_NOTEMPTY); Java cannot.
        return new Values.Unknown("regsuball with a pattern that matches empty strings");
      }
      out.append(s, offset, start);
      for (int i = 0; i < rep.length(); i++) {
        char ch = rep.charAt(i);
        if (ch != '\\' || i + 1 >= rep.length()) {
          out.append(ch);
          continue;
        }
        char n = rep.charAt(++i);
        if (n >= '0' && n <= '9') {
          int x = n - '0';
          if (x <= c.groups() && x < 10) {
            String grp = g[x];
            out.append(grp == null ? "" : grp);
          }
          continue;
        }
        out.append(n);
      }
      offset = end;
      first = false;
      if (!all) {
        break;
      }
    }
    out.append(s.substring(offset));
    return Pcre2Pattern.fromBytes(out.toString());
  }
}

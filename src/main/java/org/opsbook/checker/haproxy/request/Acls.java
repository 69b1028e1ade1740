package org.opsbook.checker.haproxy.request;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.opsbook.checker.haproxy.catalogue.Predefined;
import org.opsbook.checker.haproxy.model.Acl;
import org.opsbook.checker.haproxy.model.AclTerm;
import org.opsbook.checker.haproxy.model.Condition;
import org.opsbook.checker.haproxy.model.Proxy;
import org.opsbook.checker.haproxy.model.SampleExpr;

/**
 * Evaluates ACLs and conditions for one request as acl.c does: a named ACL matches when any of
 * its lines does, a line when any sample value matches any pattern by its match method, a
 * condition when every term of one of its {@code ||} alternatives holds.
 */
final class Acls {
  private static final Pattern LITERAL_ADDRESS = Pattern.compile("[0-9a-fA-F.:]+");
  private final SampleValues samples;
  private final Map<String, String> files;

  Acls(SampleValues samples, Map<String, String> files) {
    this.samples = samples;
    this.files = files;
  }

  boolean holds(Condition condition, Proxy proxy) {
    boolean any = false;
    for (List<Condition.Term> group : condition.alternatives()) {
      boolean all = true;
      for (Condition.Term t : group) {
        if (term(t, proxy) == t.negated()) {
          all = false;
          break;
        }
      }
      if (all) {
        any = true;
        break;
      }
    }
    return condition.unless() != any;
  }

  private boolean term(Condition.Term t, Proxy proxy) {
    if (t.anonymous() != null) {
      return matches(t.anonymous());
    }
    var named = proxy.acl(t.name());
    if (named.isPresent()) {
      return matches(named.get());
    }
    if (t.predefined()) {
      return predefined(t.name());
    }
    throw new CannotEvaluate("the ACL '" + t.name() + "' is not defined in " + proxy.name());
  }

  boolean matches(Acl acl) {
    for (AclTerm term : acl.terms()) {
      if (matches(term)) {
        return true;
      }
    }
    return false;
  }

  private boolean predefined(String name) {
    String expr = Predefined.expression(name).orElseThrow(() -> new CannotEvaluate("unknown ACL " + name));
    String[] w = expr.split(" ");
    return switch (w[0]) {
      case "always_true" -> true;
      case "always_false" -> false;
      case "method" -> List.of(w).subList(1, w.length).contains(samples.values(
          new SampleExpr("method", List.of(), List.of(), "method")).get(0));
      case "src" -> ip(List.of(samples.values(
          new SampleExpr("src", List.of(), List.of(), "src")).get(0)),
          List.of(w).subList(1, w.length));
      case "req.proto_http" -> true;
      default -> throw new CannotEvaluate("the model does not evaluate the predefined ACL " + name);
    };
  }

  boolean matches(AclTerm term) {
    List<String> patterns = new ArrayList<>(term.patterns());
    for (String f : term.files()) {
      String text = files.get(f);
      if (text == null) {
        throw new CannotEvaluate("the pattern file " + f + " is not among the files");
      }
      for (String raw : text.split("\n")) {
        String l = raw.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          patterns.add(l);
        }
      }
    }
    List<String> values = samples.values(term.expr());
    String m = term.match();
    switch (m) {
      case "found" -> {
        return !values.isEmpty();
      }
      case "bool" -> {
        return values.stream().anyMatch(v -> !v.isEmpty() && !v.equals("0"));
      }
      case "ip" -> {
        return ip(values, patterns);
      }
      case "int", "len" -> {
        for (String v : values) {
          long n;
          if (m.equals("len")) {
            n = v.length();
          } else {
            try {
              n = Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
              continue;
            }
          }
          for (String p : patterns) {
            boolean hit;
            try {
              hit = integer(n, p);
            } catch (NumberFormatException e) {
              throw new CannotEvaluate("'" + p + "' is not an integer pattern the model reads");
            }
            if (hit) {
              return true;
            }
          }
        }
        return false;
      }
      case "reg" -> {
        for (String p : patterns) {
          Pattern re;
          try {
            re = Pattern.compile(p, term.ignoreCase() ? Pattern.CASE_INSENSITIVE : 0);
          } catch (PatternSyntaxException e) {
            throw new CannotEvaluate("the regular expression '" + p + "' is not one Java reads as PCRE2 does");
          }
          for (String v : values) {
            if (re.matcher(v).find()) {
              return true;
            }
          }
        }
        return false;
      }
      case "str", "meth", "beg", "end", "sub", "dir", "dom" -> {
        for (String v : values) {
          for (String p : patterns) {
            if (string(m, term.ignoreCase(), v, p)) {
              return true;
            }
          }
        }
        return false;
      }
      default -> throw new CannotEvaluate("the model does not evaluate the match method '" + m + "'");
    }
  }

  private static boolean string(String method, boolean icase, String value, String pattern) {
    String v = icase ? value.toLowerCase(Locale.ROOT) : value;
    String p = icase ? pattern.toLowerCase(Locale.ROOT) : pattern;
    return switch (method) {
      case "str", "meth" -> v.equals(p);
      case "beg" -> v.startsWith(p);
      case "end" -> v.endsWith(p);
      case "sub" -> v.contains(p);
      case "dir" -> word(v, p, '/');
      default -> {
        if (v.indexOf('/') >= 0 || v.indexOf(':') >= 0) {
          throw new CannotEvaluate("the model does not evaluate -m dom on a value with '/' or ':'");
        }
        yield word(v, p, '.');
      }
    };
  }

  /** acl.c match_word: the pattern, without delimiters at its ends, delimited in the value. */
  private static boolean word(String v, String pattern, char delim) {
    String p = pattern;
    while (!p.isEmpty() && p.charAt(0) == delim) {
      p = p.substring(1);
    }
    while (!p.isEmpty() && p.charAt(p.length() - 1) == delim) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty()) {
      return false;
    }
    int from = 0;
    while (true) {
      int at = v.indexOf(p, from);
      if (at < 0) {
        return false;
      }
      int end = at + p.length();
      boolean before = at == 0 || v.charAt(at - 1) == delim;
      boolean after = end == v.length() || v.charAt(end) == delim;
      if (before && after) {
        return true;
      }
      from = at + 1;
    }
  }

  private static boolean integer(long n, String p) {
    String[] op = p.split(" ");
    if (op.length == 2) {
      long x = Long.parseLong(op[1]);
      return switch (op[0]) {
        case "eq" -> n == x;
        case "ge" -> n >= x;
        case "gt" -> n > x;
        case "le" -> n <= x;
        default -> n < x;
      };
    }
    int colon = p.indexOf(':');
    if (colon < 0) {
      return n == Long.parseLong(p);
    }
    String lo = p.substring(0, colon);
    String hi = p.substring(colon + 1);
    return (lo.isEmpty() || n >= Long.parseLong(lo)) && (hi.isEmpty() || n <= Long.parseLong(hi));
  }

  private static boolean ip(List<String> values, List<String> patterns) {
    for (String v : values) {
      byte[] addr = literal(v);
      if (addr == null) {
        continue;
      }
      for (String p : patterns) {
        if (inNetwork(addr, p)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean inNetwork(byte[] addr, String pattern) {
    int slash = pattern.indexOf('/');
    String base = slash < 0 ? pattern : pattern.substring(0, slash);
    byte[] net = literal(base);
    if (net == null) {
      throw new CannotEvaluate("the model does not resolve the host name '" + base + "' in an address pattern");
    }
    if (net.length != addr.length) {
      if (base.contains("::ffff:") || base.contains("::FFFF:")) {
        throw new CannotEvaluate("the model does not compare IPv4-mapped addresses");
      }
      return false;
    }
    int bits = net.length * 8;
    if (slash >= 0) {
      String mask = pattern.substring(slash + 1);
      byte[] m = mask.contains(".") ? literal(mask) : null;
      if (m != null) {
        bits = new BigInteger(1, m).bitCount();
      } else if (mask.matches("[0-9]{1,3}") && Integer.parseInt(mask) <= net.length * 8) {
        bits = Integer.parseInt(mask);
      } else {
        throw new CannotEvaluate("the model does not read the address pattern '" + pattern + "'");
      }
    }
    BigInteger a = new BigInteger(1, addr);
    BigInteger n = new BigInteger(1, net);
    int shift = net.length * 8 - bits;
    return a.shiftRight(shift).equals(n.shiftRight(shift));
  }

  /** The bytes of a literal IPv4 or IPv6 address, or null for anything else (never asks DNS). */
  private static byte[] literal(String s) {
    if (!LITERAL_ADDRESS.matcher(s).matches() || (!s.contains(":") && s.chars().filter(c -> c == '.').count() != 3)) {
      return null;
    }
    try {
      return InetAddress.getByName(s).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}

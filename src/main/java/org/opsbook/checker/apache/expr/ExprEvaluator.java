package org.opsbook.checker.apache.expr;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import org.opsbook.checker.apache.text.IpAddresses;

/**
 * Evaluates a parsed expression as util_expr_eval.c does, for one request. Regex matches set
 * {@code $0}..{@code $9} for later words. Anything the context cannot supply (a time, a DNS
 * name, a subrequest) stops evaluation with the reason. Not thread-safe; one per evaluation.
 */
public final class ExprEvaluator {
  /** Evaluation stopped because the model lacks something. */
  public static final class Unknown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unknown(String reason) {
      super(reason, null, false, false);
    }
  }

  private final ExprContext context;
  private final List<String> groups = new ArrayList<>();

  public ExprEvaluator(ExprContext context) {
    this.context = context;
  }

  /** The groups of the last successful regex match ($0..$9), for RewriteCond's %N. */
  public List<String> groups() {
    return List.copyOf(groups);
  }

  public boolean test(Expr e) {
    if (e instanceof Expr.True) {
      return true;
    }
    if (e instanceof Expr.False) {
      return false;
    }
    if (e instanceof Expr.Not n) {
      return !test(n.inner());
    }
    if (e instanceof Expr.And a) {
      return test(a.left()) && test(a.right());
    }
    if (e instanceof Expr.Or o) {
      return test(o.left()) || test(o.right());
    }
    if (e instanceof Expr.Compare c) {
      return compare(c);
    }
    if (e instanceof Expr.In in) {
      return in(in);
    }
    if (e instanceof Expr.Match m) {
      return match(m);
    }
    if (e instanceof Expr.Unary u) {
      return unary(u);
    }
    return binary((Expr.Binary) e);
  }

  public String value(Expr.Word w) {
    if (w instanceof Expr.Literal l) {
      return l.text();
    }
    if (w instanceof Expr.Digits d) {
      return d.text();
    }
    if (w instanceof Expr.Concat c) {
      return value(c.left()) + value(c.right());
    }
    if (w instanceof Expr.Backref b) {
      return b.number() < groups.size() && groups.get(b.number()) != null ? groups.get(b.number()) : "";
    }
    if (w instanceof Expr.Var v) {
      return context.variable(v.name()).orElseThrow(() -> new Unknown(context.cannot()));
    }
    Expr.Call c = (Expr.Call) w;
    return call(c.function(), value(c.arg()));
  }

  /** A string expression's value: its parts joined. */
  public String value(List<Expr.Word> parts) {
    StringBuilder out = new StringBuilder();
    for (Expr.Word w : parts) {
      out.append(value(w));
    }
    return out.toString();
  }

  private String call(String function, String arg) {
    return switch (function) {
      case "tolower" -> arg.toLowerCase(Locale.ROOT);
      case "toupper" -> arg.toUpperCase(Locale.ROOT);
      case "base64" -> Base64.getEncoder().encodeToString(arg.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      case "unbase64" -> {
        try {
          yield new String(Base64.getDecoder().decode(arg), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
          throw new Unknown("unbase64 of something that is not base64");
        }
      }
      default -> context.function(function, arg).orElseThrow(() -> new Unknown(context.cannot()));
    };
  }

  private boolean compare(Expr.Compare c) {
    String l = value(c.left());
    String r = value(c.right());
    return switch (c.op()) {
      case "OP_STR_EQ" -> l.equals(r);
      case "OP_STR_NE" -> !l.equals(r);
      case "OP_STR_LT" -> l.compareTo(r) < 0;
      case "OP_STR_LE" -> l.compareTo(r) <= 0;
      case "OP_STR_GT" -> l.compareTo(r) > 0;
      case "OP_STR_GE" -> l.compareTo(r) >= 0;
      default -> {
        long a = integer(l);
        long b = integer(r);
        yield switch (c.op()) {
          case "OP_EQ" -> a == b;
          case "OP_NE" -> a != b;
          case "OP_LT" -> a < b;
          case "OP_LE" -> a <= b;
          case "OP_GT" -> a > b;
          default -> a >= b;
        };
      }
    };
  }

  private static long integer(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      // httpd logs "Invalid integer" and compares 0.
      throw new Unknown("'" + s + "' is not an integer; httpd would log an error and treat the comparison as an error");
    }
  }

  private boolean in(Expr.In in) {
    String v = value(in.word());
    if (in.list() instanceof Expr.Words words) {
      for (Expr.Word w : words.words()) {
        if (value(w).equals(v)) {
          return true;
        }
      }
      return false;
    }
    throw new Unknown("list functions are not modelled");
  }

  private boolean match(Expr.Match m) {
    if (m.pattern() == null) {
      throw new Unknown("the regular expression /" + m.regex() + "/ uses PCRE features opsbook does not run");
    }
    String v = value(m.word());
    Matcher matcher = m.pattern().matcher(v);
    boolean found = matcher.find();
    if (found && !m.negated()) {
      groups.clear();
      for (int i = 0; i <= Math.min(9, matcher.groupCount()); i++) {
        groups.add(matcher.group(i));
      }
    }
    return found != m.negated();
  }

  private boolean unary(Expr.Unary u) {
    String v = value(u.word());
    return switch (u.op()) {
      case "n" -> !v.isEmpty();
      case "z" -> v.isEmpty();
      case "R" -> context.clientIn(u.network()).orElseThrow(() -> new Unknown(context.cannot()));
      case "T" -> {
        String l = v.toLowerCase(Locale.ROOT);
        yield !(l.isEmpty() || l.equals("0") || l.equals("off") || l.equals("false") || l.equals("no"));
      }
      case "d", "e", "f", "s", "L", "h", "x" -> context.file(u.op(), v).orElseThrow(() -> new Unknown(context.cannot()));
      default -> throw new Unknown("-" + u.op() + " needs a subrequest, which opsbook does not model");
    };
  }

  private boolean binary(Expr.Binary b) {
    String l = value(b.left());
    String r = value(b.right());
    return switch (b.op()) {
      case "ipmatch" -> {
        Optional<IpAddresses.Address> a = IpAddresses.parse(l);
        yield a.isPresent() && b.network().contains(a.get());
      }
      case "strmatch" -> Fnmatch.matches(r, l, false);
      case "strcmatch" -> Fnmatch.matches(r, l, true);
      case "fnmatch" -> Fnmatch.matches(r, l, false);
      default -> throw new Unknown("-" + b.op() + " is not modelled");
    };
  }
}

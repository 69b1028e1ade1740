package org.opsbook.checker.vcl.sim;

import org.opsbook.checker.vcl.catalogue.VclType;

/** VCL arithmetic on the model's values, with C's integer semantics for INT. */
final class Arithmetic {
  private Arithmetic() {}

  static double number(Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof Values.Duration d) {
      return d.seconds();
    }
    throw new CannotEvaluate("a number the model does not have");
  }

  static Object apply(String op, VclType result, Object a, Object b) {
    if (a instanceof Values.Unknown) {
      return a;
    }
    if (b instanceof Values.Unknown) {
      return b;
    }
    if (result == VclType.TIME) {
      return new Values.Unknown("a time");
    }
    if (result == VclType.INT || result == VclType.BYTES) {
      long x = (Long) a;
      long y = b instanceof Long l ? l : (long) number(b);
      switch (op) {
        case "+":
          return x + y;
        case "-":
          return x - y;
        case "*":
          return x * y;
        case "/":
        case "%":
          if (y == 0) {
            throw new CannotEvaluate("a division by zero, which stops varnishd");
          }
          return op.equals("/") ? x / y : x % y;
        default:
          throw new IllegalStateException(op);
      }
    }
    double x = number(a);
    double y = number(b);
    double r = switch (op) {
      case "+" -> x + y;
      case "-" -> x - y;
      case "*" -> x * y;
      case "/" -> x / y;
      default -> throw new IllegalStateException(op);
    };
    return result == VclType.DURATION ? new Values.Duration(r) : r;
  }

  static Object negate(Object v) {
    if (v instanceof Long l) {
      return -l;
    }
    if (v instanceof Double d) {
      return -d;
    }
    if (v instanceof Values.Duration d) {
      return new Values.Duration(-d.seconds());
    }
    return v;
  }
}

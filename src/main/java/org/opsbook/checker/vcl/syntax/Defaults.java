package org.opsbook.checker.vcl.syntax;

import org.opsbook.checker.vcl.catalogue.Param;
import org.opsbook.checker.vcl.catalogue.VclType;
import org.opsbook.checker.vcl.model.Expr;
import org.opsbook.checker.vcl.model.Pos;

/**
 * The value a VMOD parameter takes when the call leaves it out: its declared default, a C literal
 * in the VMOD's declaration. {@code 0} for a string, BLOB or backend means "none".
 */
final class Defaults {
  private Defaults() {}

  /** The default as an expression, or {@code null} for "none". */
  static Expr value(Param p, Pos pos) {
    String v = p.defaultValue();
    VclType t = p.type();
    if (t == VclType.ENUM) {
      return new Expr.EnumLit(pos, v);
    }
    if (t == VclType.BOOL) {
      return new Expr.BoolLit(pos, !v.equals("0"));
    }
    if (t == VclType.STRING || t == VclType.STRANDS) {
      if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
        return new Expr.StringLit(pos, unescape(v.substring(1, v.length() - 1)));
      }
      return null;
    }
    if (t == VclType.INT || t == VclType.REAL || t == VclType.DURATION || t == VclType.BYTES) {
      try {
        return new Expr.NumberLit(pos, t, Double.parseDouble(v));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String unescape(String c) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (ch == '\\' && i + 1 < c.length()) {
        char n = c.charAt(++i);
        b.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          default -> n;
        });
      } else {
        b.append(ch);
      }
    }
    return b.toString();
  }
}

package org.opsbook.checker.vcl.model;

import java.util.List;
import java.util.Objects;
import org.opsbook.checker.vcl.catalogue.Signature;
import org.opsbook.checker.vcl.catalogue.VclType;
import org.opsbook.checker.vcl.catalogue.Variable;

/**
 * A typed VCL expression, as VCC's expression parser builds it: every node knows the type VCC gave
 * it, implicit conversions included.
 */
public sealed interface Expr {
  VclType type();

  Pos pos();

  /** A string constant (a literal, or literals joined with {@code +}). */
  record StringLit(Pos pos, String value) implements Expr {
    public VclType type() {
      return VclType.STRINGS;
    }
  }

  /** INT, REAL, DURATION (seconds) and BYTES constants. */
  record NumberLit(Pos pos, VclType type, double value) implements Expr {}

  record BoolLit(Pos pos, boolean value) implements Expr {
    public VclType type() {
      return VclType.BOOL;
    }
  }

  /** A string constant read as an IP address (an IP comparison's right side). */
  record IpLit(Pos pos, String text, byte[] address) implements Expr {
    public IpLit {
      address = address.clone();
    }

    public VclType type() {
      return VclType.IP;
    }

    @Override
    public byte[] address() {
      return address.clone();
    }
  }

  /** A BLOB literal. */
  record BlobLit(Pos pos, String text) implements Expr {
    public VclType type() {
      return VclType.BLOB;
    }
  }

  /** A variable read; for a header variable, {@code header} names the header. */
  record VarRead(Pos pos, Variable variable, String header, VclType type) implements Expr {
    public VarRead {
      Objects.requireNonNull(variable, "variable");
    }

    /** The name as written in VCL, such as {@code req.http.Host}. */
    public String name() {
      return header == null ? variable.name() : variable.name() + "." + header;
    }
  }

  /** A named object: a backend, ACL, probe, subroutine or VMOD object instance. */
  record ObjectRef(Pos pos, VclType type, String name) implements Expr {}

  /**
   * A VMOD object made with {@code new}, as the subject of a method call ({@code cluster.backend()}).
   * Its type is the object's class.
   */
  record Instance(Pos pos, VclType type, String name) implements Expr {}

  /** {@code default} as a BACKEND (the default backend) or a PROBE (the default probe). */
  record DefaultRef(Pos pos, VclType type) implements Expr {}

  /** The word of an ENUM argument. */
  record EnumLit(Pos pos, String value) implements Expr {
    public VclType type() {
      return VclType.ENUM;
    }
  }

  /**
   * A VMOD function or method call. {@code args} holds one entry per declared parameter, in
   * declaration order: the argument, the default, or {@code null} for an optional argument left out
   * and for PRIV_* parameters.
   *
   * @param instance for a method call, the object it is called on; otherwise {@code null}
   */
  record Call(Pos pos, VclType type, Signature signature, String instance, List<Expr> args) implements Expr {
    public Call {
      args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
    }
  }

  /** {@code regsub} and {@code regsuball}. */
  record Regsub(Pos pos, boolean all, Expr subject, Regex regex, Expr replacement) implements Expr {
    public VclType type() {
      return VclType.STRINGS;
    }
  }

  /** A regex constant: the text PCRE2 compiles, and where it was written. */
  record Regex(Pos pos, String pattern) implements Expr {
    public VclType type() {
      return VclType.REGEX;
    }
  }

  /** {@code ~} and {@code !~} against a regex. */
  record Match(Pos pos, Expr subject, Regex regex, boolean negated) implements Expr {
    public VclType type() {
      return VclType.BOOL;
    }
  }

  /** {@code ip ~ acl} and {@code !~}. */
  record AclMatch(Pos pos, Expr address, Expr acl, boolean negated) implements Expr {
    public VclType type() {
      return VclType.BOOL;
    }
  }

  /** A comparison ({@code == != < > <= >=}) of two values of {@code operandType}. */
  record Compare(Pos pos, String op, Expr left, Expr right, VclType operandType) implements Expr {
    public VclType type() {
      return VclType.BOOL;
    }
  }

  /** Arithmetic: {@code + - * / %} with the result type VCC gives. */
  record Arith(Pos pos, VclType type, String op, Expr left, Expr right) implements Expr {}

  /** Unary minus. */
  record Negate(Pos pos, VclType type, Expr operand) implements Expr {}

  /** String concatenation: the parts in order, each converted to a string. */
  record Concat(Pos pos, List<Expr> parts) implements Expr {
    public Concat {
      parts = List.copyOf(parts);
    }

    public VclType type() {
      return VclType.STRINGS;
    }
  }

  /** {@code &&} and {@code ||}. */
  record Logic(Pos pos, String op, List<Expr> operands) implements Expr {
    public Logic {
      operands = List.copyOf(operands);
    }

    public VclType type() {
      return VclType.BOOL;
    }
  }

  /** {@code !}. */
  record Not(Pos pos, Expr operand) implements Expr {
    public VclType type() {
      return VclType.BOOL;
    }
  }

  /** An implicit conversion VCC inserts: to STRING, to BOOL, to BODY, or a string form. */
  record Convert(Pos pos, VclType type, Expr operand) implements Expr {}

  /** A type method: {@code .upper()}, {@code .lower()} on strings, {@code .resolve()} on backends. */
  record TypeMethod(Pos pos, VclType type, String method, Expr operand) implements Expr {}
}

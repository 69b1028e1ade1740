package org.opsbook.checker.vcl.catalogue;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A type of VCL's compiler, with the properties its expression parser consults: whether it is a
 * string form, whether a body may be made from it, whether it converts to a string, what a
 * multiplication takes on its right, and whether undefined names of the type may be declared by
 * use. Types of VMOD objects (such as {@code directors.round_robin}) are made per import.
 *
 * <p>Facts from libvcc's vcc_types.c (Varnish 7.1).
 */
public final class VclType {
  public static final VclType ACL = new VclType("ACL", false, false, true, null, true);
  public static final VclType BACKEND = new VclType("BACKEND", false, false, true, null, true);
  public static final VclType BLOB = new VclType("BLOB", false, true, true, null, false);
  public static final VclType BODY = new VclType("BODY", false, false, false, null, false);
  public static final VclType BOOL = new VclType("BOOL", false, false, true, null, false);
  public static final VclType REAL = new VclType("REAL", false, false, true, "REAL", false);
  public static final VclType BYTES = new VclType("BYTES", false, false, true, "REAL", false);
  public static final VclType DURATION = new VclType("DURATION", false, false, true, "REAL", false);
  public static final VclType ENUM = new VclType("ENUM", false, false, true, null, false);
  public static final VclType HEADER = new VclType("HEADER", false, false, true, null, false);
  public static final VclType HTTP = new VclType("HTTP", false, false, false, null, false);
  public static final VclType INSTANCE = new VclType("INSTANCE", false, false, false, null, true);
  public static final VclType INT = new VclType("INT", false, false, true, "INT", false);
  public static final VclType IP = new VclType("IP", false, false, true, null, false);
  public static final VclType PROBE = new VclType("PROBE", false, false, false, null, true);
  public static final VclType REGEX = new VclType("REGEX", false, false, false, null, false);
  public static final VclType STEVEDORE = new VclType("STEVEDORE", false, false, true, null, false);
  public static final VclType STRING = new VclType("STRING", true, false, false, null, false);
  public static final VclType STRANDS = new VclType("STRANDS", true, false, true, null, false);
  /** The compiler's internal type of string expressions being built up; shown as STRING. */
  public static final VclType STRINGS = new VclType("STRINGS", false, true, true, null, false);
  public static final VclType SUB = new VclType("SUB", false, false, false, null, true);
  public static final VclType TIME = new VclType("TIME", false, false, true, null, false);
  public static final VclType VCL = new VclType("VCL", false, false, false, null, false);
  public static final VclType VOID = new VclType("VOID", false, false, false, null, false);

  private static final Map<String, VclType> BY_NAME = new TreeMap<>();

  static {
    for (VclType t : new VclType[] {ACL, BACKEND, BLOB, BODY, BOOL, BYTES, DURATION, ENUM, HEADER, HTTP,
        INSTANCE, INT, IP, PROBE, REAL, REGEX, STEVEDORE, STRANDS, STRING, STRINGS, SUB, TIME, VCL, VOID}) {
      BY_NAME.put(t.name, t);
    }
  }

  private final String name;
  private final boolean stringForm;
  private final boolean bodyForm;
  private final boolean convertsToString;
  private final String multiplyType;
  private final boolean global;

  private VclType(String name, boolean stringForm, boolean bodyForm, boolean convertsToString, String multiplyType,
      boolean global) {
    this.name = name;
    this.stringForm = stringForm;
    this.bodyForm = bodyForm;
    this.convertsToString = convertsToString;
    this.multiplyType = multiplyType;
    this.global = global;
  }

  /** The type of a VMOD object, such as {@code directors.round_robin}. */
  public static VclType object(String qualifiedName) {
    return new VclType(Objects.requireNonNull(qualifiedName), false, false, false, null, false);
  }

  /** A built-in type by its VCC name (ACL, BACKEND, ...). */
  public static Optional<VclType> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name.toUpperCase(Locale.ROOT).equals(name) ? name : ""));
  }

  public String name() {
    return name;
  }

  /** STRING and STRANDS: types that are built from a string expression. */
  public boolean isStringForm() {
    return stringForm;
  }

  /** STRINGS and BLOB can become a body ({@code set resp.body}). */
  public boolean isBodyForm() {
    return bodyForm;
  }

  /** Whether VCC can turn a value of this type into a string. */
  public boolean convertsToString() {
    return convertsToString;
  }

  /** The type a {@code *} or {@code /} takes on its right, or {@code null} when the type has none. */
  public VclType multiplyType() {
    return multiplyType == null ? null : BY_NAME.get(multiplyType);
  }

  /**
   * Types of named objects (ACL, BACKEND, PROBE, SUB, INSTANCE) whose names may be used before they
   * are defined; VCC checks afterwards that each one was.
   */
  public boolean isGlobal() {
    return global;
  }

  /** The name VCC uses in messages: string forms and STRINGS read as STRING. */
  public String userName() {
    return this == STRINGS || stringForm ? "STRING" : name;
  }

  @Override
  public String toString() {
    return name;
  }
}

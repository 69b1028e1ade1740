package org.opsbook.checker.vcl.sim;

import java.util.Locale;
import org.opsbook.checker.vcl.catalogue.VclType;
import org.opsbook.checker.vcl.model.Addresses;

/**
 * The values VCL computes with, as the model holds them: strings (null for VCL's NULL string),
 * longs (INT, BYTES), doubles (REAL), {@link Duration}s, booleans, {@link Ip}s, {@link Backend}s,
 * names of ACLs and other objects, and {@link Unknown} for what the model does not know.
 */
final class Values {
  private Values() {}

  /** A DURATION in seconds. */
  record Duration(double seconds) {}

  /** An IP address, with its port or -1. */
  record Ip(byte[] address, int port) {
    Ip {
      address = address.clone();
    }

    @Override
    public byte[] address() {
      return address.clone();
    }
  }

  /** A backend or director by name. */
  record Backend(String name) {}

  /** A named ACL, probe, subroutine or object instance. */
  record Named(String name) {}

  /** A value the model does not know, and why. */
  record Unknown(String why) {}

  /** The value as a string, as VCC's conversions write it (VRT_*_string); null stays null. */
  static Object toStr(Object v, VclType from) {
    if (v == null || v instanceof String || v instanceof Unknown) {
      return v;
    }
    if (v instanceof Long l) {
      return Long.toString(l);
    }
    if (v instanceof Double d) {
      return String.format(Locale.ROOT, "%.3f", d);
    }
    if (v instanceof Duration d) {
      return String.format(Locale.ROOT, "%.3f", d.seconds());
    }
    if (v instanceof Boolean b) {
      return b ? "true" : "false";
    }
    if (v instanceof Ip ip) {
      return Addresses.format(ip.address());
    }
    if (v instanceof Backend b) {
      return b.name();
    }
    if (v instanceof Named n) {
      return n.name();
    }
    return new Unknown("a " + from + " as text");
  }

  /** Short text of a value for traces. */
  static String show(Object v) {
    if (v == null) {
      return "(none)";
    }
    if (v instanceof String s) {
      return "\"" + s + "\"";
    }
    if (v instanceof Unknown u) {
      return "(unknown: " + u.why() + ")";
    }
    Object s = toStr(v, VclType.VOID);
    return s instanceof String str ? str : String.valueOf(v);
  }
}

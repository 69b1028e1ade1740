package org.opsbook.checker.vcl.syntax;

/**
 * The units of VCL's duration and byte literals, as Varnish's vnum.c reads them.
 */
final class Units {
  static final String LEGAL_DURATION = "Legal duration units are 'ms', 's', 'm', 'h', 'd', 'w' and 'y'";

  private Units() {}

  /** Seconds per unit, or NaN for a word that is not a duration unit. */
  static double duration(String unit) {
    return switch (unit) {
      case "ms" -> 1e-3;
      case "s" -> 1;
      case "m" -> 60;
      case "h" -> 3600;
      case "d" -> 86400;
      case "w" -> 604800;
      case "y" -> 31536000;
      default -> Double.NaN;
    };
  }

  /** The byte count of {@code value UNIT}, or {@code null} when VCC refuses it. */
  static Double bytes(double value, String unit) {
    return bytesError(value, unit) == null ? value * scale(unit) : null;
  }

  /** VCC's message prefix when it refuses {@code value UNIT} as BYTES, or {@code null}. */
  static String bytesError(double value, String unit) {
    double scale = scale(unit);
    if (Double.isNaN(scale)) {
      return "Unknown BYTES unit of measurement ([KMGTP][B])";
    }
    if ((unit.equals("b") || unit.equals("B")) && value != Math.rint(value)) {
      return "Fractional BYTES not allowed";
    }
    return null;
  }

  private static double scale(String unit) {
    if (unit.isEmpty()) {
      return Double.NaN;
    }
    char first = unit.charAt(0);
    double scale = switch (Character.toLowerCase(first)) {
      case 'k' -> 1024d;
      case 'm' -> 1024d * 1024;
      case 'g' -> 1024d * 1024 * 1024;
      case 't' -> 1024d * 1024 * 1024 * 1024;
      case 'p' -> 1024d * 1024 * 1024 * 1024 * 1024;
      case 'b' -> 1;
      default -> Double.NaN;
    };
    if (Double.isNaN(scale)) {
      return scale;
    }
    String rest = unit.substring(1);
    if (Character.toLowerCase(first) == 'b') {
      return rest.isEmpty() ? 1 : Double.NaN;
    }
    return rest.isEmpty() || rest.equalsIgnoreCase("b") ? scale : Double.NaN;
  }
}

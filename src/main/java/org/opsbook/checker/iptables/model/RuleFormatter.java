package org.opsbook.checker.iptables.model;

/** Renders a rule the way {@code iptables -S} prints it, for traces and for comparing rules. */
public final class RuleFormatter {
  private RuleFormatter() {}

  /** The rule specification without the {@code -A CHAIN} prefix. */
  public static String spec(Rule r) {
    StringBuilder sb = new StringBuilder();
    operand(sb, "-s", r.source());
    operand(sb, "-d", r.destination());
    operand(sb, "-i", r.inInterface());
    operand(sb, "-o", r.outInterface());
    operand(sb, "-p", r.protocol());
    if (r.fragment()) {
      sb.append(" -f");
    }
    for (Match m : r.matches()) {
      sb.append(" -m ").append(m.module());
      for (OptionValue o : m.options()) {
        option(sb, o);
      }
    }
    if (r.target() != null) {
      sb.append(r.target().isGoto() ? " -g " : " -j ").append(r.target().name());
      for (OptionValue o : r.target().options()) {
        option(sb, o);
      }
    }
    return sb.toString().strip();
  }

  /**
   * The rule in the form the kernel stores it, for comparing two rules as {@code -D} does: host
   * addresses get their /32, protocols are lower case, implicit protocol matches are explicit.
   */
  public static String canonical(Rule r) {
    String spec = spec(new Rule(r.table(), r.chain(), lower(r.protocol()), host(r.source()), host(r.destination()),
        r.inInterface(), r.outInterface(), r.fragment(), r.matches(), r.target(), 0, 0, ""));
    return spec;
  }

  private static Operand lower(Operand o) {
    return o == null ? null : new Operand(o.value().toLowerCase(java.util.Locale.ROOT), o.negated(), o.at());
  }

  private static Operand host(Operand o) {
    if (o == null || o.value().contains("/") || o.value().contains(",") || !o.value().matches("[0-9.]+")) {
      return o;
    }
    return new Operand(o.value() + "/32", o.negated(), o.at());
  }

  /** The names iptables -S prints for the port options. */
  private static String shortName(String name) {
    return switch (name) {
      case "destination-port" -> "dport";
      case "source-port" -> "sport";
      case "destination-ports" -> "dports";
      case "source-ports" -> "sports";
      default -> name;
    };
  }

  private static void operand(StringBuilder sb, String flag, Operand o) {
    if (o != null) {
      sb.append(o.negated() ? " ! " : " ").append(flag).append(' ').append(o.value());
    }
  }

  private static void option(StringBuilder sb, OptionValue o) {
    sb.append(o.negated() ? " ! --" : " --").append(shortName(o.name()));
    for (String a : o.args()) {
      sb.append(' ').append(a.isEmpty() || a.contains(" ") ? "\"" + a + "\"" : a);
    }
  }
}

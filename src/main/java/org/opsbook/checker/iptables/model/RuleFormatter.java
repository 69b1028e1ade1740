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

  private static void operand(StringBuilder sb, String flag, Operand o) {
    if (o != null) {
      sb.append(o.negated() ? " ! " : " ").append(flag).append(' ').append(o.value());
    }
  }

  private static void option(StringBuilder sb, OptionValue o) {
    sb.append(o.negated() ? " ! --" : " --").append(o.name());
    for (String a : o.args()) {
      sb.append(' ').append(a.isEmpty() || a.contains(" ") ? "\"" + a + "\"" : a);
    }
  }
}

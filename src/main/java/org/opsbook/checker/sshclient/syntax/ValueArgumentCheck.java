package org.opsbook.checker.sshclient.syntax;

import org.opsbook.checker.sshclient.catalogue.ForwardSpec;
import org.opsbook.checker.sshclient.catalogue.KeywordSpec;
import org.opsbook.check.Findings;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.opsbook.checker.sshclient.model.Directive;

/** Checks of keywords that take one value, or a value and an optional second one. */
final class ValueArgumentCheck extends ArgumentCheck {
  // Debian's GSSAPI key-exchange patch (kex.c gss_kex_names)
  private static final List<String> GSS_KEX = List.of("gss-gex-sha1-", "gss-group1-sha1-", "gss-group14-sha1-",
      "gss-group14-sha256-", "gss-group16-sha512-", "gss-nistp256-sha256-", "gss-curve25519-sha256-");

  ValueArgumentCheck(Directive d, KeywordSpec spec, Findings out) {
    super(d, spec, out);
  }

  int words(List<String> accepted) {
    if (!present(0)) {
      return missing();
    }
    String v = a.get(0).value().toLowerCase(Locale.ROOT);
    if (!accepted.contains(v)) {
      return bad(0, d.keyword() + " does not accept \"" + a.get(0).value() + "\"",
          "use one of: " + String.join(", ", accepted));
    }
    return 1;
  }

  int time(int index, boolean allowNone) {
    if (!present(index)) {
      return missing();
    }
    String v = a.get(index).value();
    if ((allowNone && v.equals("none")) || isTime(v)) {
      return index + 1;
    }
    return bad(index, d.keyword() + ": invalid time value \"" + v + "\"",
        "write seconds or a time such as 30s, 10m, 1h30m" + (allowNone ? ", or none" : ""));
  }

  int integer() {
    if (!present(0)) {
      return missing();
    }
    String v = a.get(0).value();
    String digits = v.startsWith("+") ? v.substring(1) : v;
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
      return bad(0, d.keyword() + ": integer value invalid: \"" + v + "\"", "write a whole number");
    }
    if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
      return bad(0, d.keyword() + ": integer value too large: \"" + v + "\"", null);
    }
    if (spec.name().equals("connectionattempts") && Long.parseLong(digits) == 0) {
      // ssh.c refuses it after reading the file: "Invalid number of ConnectionAttempts"
      return bad(0, "ConnectionAttempts 0: ssh stops with \"Invalid number of ConnectionAttempts\"",
          "use 1 or more");
    }
    return 1;
  }

  int port() {
    if (!present(0)) {
      return missing();
    }
    if (ForwardSpec.port(a.get(0).value()) <= 0) {
      return bad(0, "bad port \"" + a.get(0).value() + "\"", "use a number from 1 to 65535");
    }
    return 1;
  }

  int one() {
    if (!present(0)) {
      return missing();
    }
    return 1;
  }

  int named(Set<String> names, String what) {
    if (!present(0)) {
      return missing();
    }
    if (!names.contains(a.get(0).value().toLowerCase(Locale.ROOT))) {
      return bad(0, d.keyword() + ": " + what + " \"" + a.get(0).value() + "\"",
          "use one of: " + String.join(", ", new TreeSet<>(names)));
    }
    return 1;
  }

  int escapeChar() {
    if (!present(0)) {
      return missing();
    }
    String v = a.get(0).value();
    boolean ok = v.equals("none") || v.length() == 1
        || (v.length() == 2 && v.charAt(0) == '^' && v.charAt(1) >= 64 && v.charAt(1) < 128);
    if (!ok) {
      return bad(0, "bad escape character \"" + v + "\"", "use one character, ^X for a control character, or none");
    }
    return 1;
  }

  int controlPersist() {
    if (!present(0)) {
      return missing();
    }
    String v = a.get(0).value();
    if (v.equals("yes") || v.equals("no") || v.equals("true") || v.equals("false") || isTime(v)) {
      return 1;
    }
    return bad(0, "bad ControlPersist argument \"" + v + "\"",
        "use yes, no or a time such as 10m (ssh compares yes/no case-sensitively here)");
  }

  int tunnelDevice() {
    if (!present(0)) {
      return missing();
    }
    String v = a.get(0).value();
    String[] parts = v.split(":", -1);
    boolean ok = parts.length <= 2;
    for (String p : parts) {
      ok &= p.equalsIgnoreCase("any") || (!p.isEmpty() && p.length() <= 10
          && p.chars().allMatch(Character::isDigit) && Long.parseLong(p) <= 0x7fffffffL - 2);
    }
    if (!ok) {
      return bad(0, "bad tun device \"" + v + "\"", "write local_tun[:remote_tun], numbers or any");
    }
    return 1;
  }

  int ipqos() {
    if (!present(0) || !isIpqos(a.get(0).value())) {
      return bad(0, "bad IPQoS value \"" + (a.isEmpty() ? "" : a.get(0).value()) + "\"",
          "use a DSCP name (af21, cs1, ef...), lowdelay, throughput, reliability, none or a number 0-255");
    }
    if (a.size() > 1 && !isIpqos(a.get(1).value())) {
      return bad(1, "bad IPQoS value \"" + a.get(1).value() + "\"", null);
    }
    return Math.min(a.size(), 2);
  }

  int mask() {
    if (!present(0)) {
      return missing();
    }
    String v = a.get(0).value();
    int end = 0;
    while (end < v.length() && v.charAt(end) >= '0' && v.charAt(end) <= '7') {
      end++;
    }
    if (end == 0 || Long.parseLong(v.substring(0, Math.min(end, 12)), 8) > 0777) {
      return bad(0, "bad mask \"" + v + "\"", "write an octal mode such as 0177");
    }
    return 1;
  }

  int addKeysToAgent() {
    if (!present(0)) {
      return bad(0, "AddKeysToAgent: unsupported option", "use yes, no, ask, confirm or a lifetime such as 1h");
    }
    String first = a.get(0).value().toLowerCase(Locale.ROOT);
    boolean word = List.of("yes", "no", "true", "false", "ask", "confirm").contains(first);
    if (a.size() >= 2) {
      if (first.equals("confirm") && isTime(a.get(1).value())) {
        return 2;
      }
      return bad(first.equals("confirm") ? 1 : 0, "AddKeysToAgent: unsupported option \""
          + a.get(0).value() + " " + a.get(1).value() + "\"", "only 'confirm' may be followed by a lifetime");
    }
    if (!word && !isTime(a.get(0).value())) {
      return bad(0, "AddKeysToAgent: unsupported option \"" + a.get(0).value() + "\"",
          "use yes, no, ask, confirm or a lifetime such as 1h");
    }
    return 1;
  }

  int agentPath(boolean required) {
    if (!present(0)) {
      return missing();
    }
    String v = a.get(0).value();
    if (!required && List.of("yes", "no", "true", "false").contains(v.toLowerCase(Locale.ROOT))) {
      return 1;
    }
    int open = v.indexOf("${");
    if (open >= 0 && v.indexOf('}', open) < 0) {
      return bad(0, d.keyword() + ": invalid environment expansion \"" + v + "\"", "close the ${...}");
    }
    if (v.startsWith("$") && !v.startsWith("${") && !ENV_NAME.matcher(v.substring(1)).matches()) {
      return bad(0, d.keyword() + ": invalid environment name \"" + v + "\"", null);
    }
    return 1;
  }

  int rekeyLimit() {
    if (!present(0)) {
      return missing();
    }
    String v = a.get(0).value();
    if (!v.equals("default")) {
      if (!SCALED.matcher(v).matches()) {
        return bad(0, "RekeyLimit: bad number \"" + v + "\"", "write bytes with an optional K, M or G suffix, or default");
      }
      if (v.chars().allMatch(Character::isDigit) && v.length() < 3 && Integer.parseInt(v) != 0
          && Integer.parseInt(v) < 16) {
        return bad(0, "RekeyLimit too small", "use at least 16 bytes, or default");
      }
    }
    if (a.size() > 1) {
      if (a.get(1).value().equals("none")) {
        return 2;
      }
      return time(1, true) < 0 ? -1 : 2;
    }
    return 1;
  }

  int gssKex() {
    if (!present(0)) {
      return missing();
    }
    String badName = firstUnknown(a.get(0).value(), GSS_KEX, false);
    if (badName != null) {
      return bad(0, "bad GSSAPIKexAlgorithms '" + a.get(0).value() + "': unknown name \"" + badName + "\"",
          "use names such as gss-curve25519-sha256-, gss-group14-sha256-");
    }
    return 1;
  }
}

package org.opsbook.checker.authkeys.syntax;

import java.util.List;
import java.util.regex.Pattern;
import org.opsbook.checker.authkeys.model.KeyOption;

/**
 * The option list of a key line, read as auth-options.c sshauthopt_parse does: names are
 * case-insensitive, flags may take a {@code no-} prefix, values are double-quoted with {@code \"}
 * as the only escape, options are separated by single commas.
 */
final class OptionLexer {
  private static final String[] NEGATABLE = {"port-forwarding", "agent-forwarding", "x11-forwarding",
      "touch-required", "verify-required", "pty", "user-rc"};
  private static final String[] VALUED = {"command", "principals", "from", "expiry-time", "environment",
      "permitopen", "permitlisten", "tunnel"};
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z0-9_]+");

  private OptionLexer() {}

  /**
   * Reads options into {@code out}.
   *
   * @param column the 1-based column of the first character
   * @return null when sshd accepts the list, else {@code "@COLUMN message"}
   */
  static String parse(String s, int column, List<KeyOption> out) {
    int p = 0;
    boolean seenCommand = false;
    boolean seenFrom = false;
    boolean seenPrincipals = false;
    while (p < s.length()) {
      int start = p;
      String rest = s.substring(p);
      String lowerRest = AuthorizedKeysParser.lower(rest);
      KeyOption option = null;
      if (lowerRest.startsWith("restrict")) {
        option = new KeyOption("restrict", false, null, column + start);
        p += "restrict".length();
      } else if (lowerRest.startsWith("cert-authority")) {
        option = new KeyOption("cert-authority", false, null, column + start);
        p += "cert-authority".length();
      } else {
        for (String flag : NEGATABLE) {
          if (lowerRest.startsWith(flag)) {
            option = new KeyOption(flag, false, null, column + start);
            p += flag.length();
            break;
          }
          if (lowerRest.startsWith("no-" + flag)) {
            option = new KeyOption(flag, true, null, column + start);
            p += 3 + flag.length();
            break;
          }
        }
      }
      if (option == null) {
        for (String name : VALUED) {
          if (lowerRest.startsWith(name + "=")) {
            p += name.length() + 1;
            if (p >= s.length() || s.charAt(p) != '"') {
              return "@" + (column + p) + " " + name + "= value must start with a double quote";
            }
            StringBuilder value = new StringBuilder();
            p++;
            boolean closed = false;
            while (p < s.length()) {
              char c = s.charAt(p);
              if (c == '\\' && p + 1 < s.length() && s.charAt(p + 1) == '"') {
                value.append('"');
                p += 2;
                continue;
              }
              if (c == '"') {
                closed = true;
                p++;
                break;
              }
              value.append(c);
              p++;
            }
            if (!closed) {
              return "@" + (column + start) + " missing end quote in " + name + "=";
            }
            String problem = check(name, value.toString());
            if (problem != null) {
              return "@" + (column + start) + " " + problem;
            }
            if ((name.equals("command") && seenCommand) || (name.equals("from") && seenFrom)
                || (name.equals("principals") && seenPrincipals)) {
              return "@" + (column + start) + " multiple \"" + name + "\" clauses";
            }
            seenCommand |= name.equals("command");
            seenFrom |= name.equals("from");
            seenPrincipals |= name.equals("principals");
            option = new KeyOption(name, false, value.toString(), column + start);
            break;
          }
        }
      }
      if (option != null) {
        out.add(option);
      }
      if (p >= s.length()) {
        break;
      }
      if (s.charAt(p) != ',') {
        int end = s.indexOf(',', p);
        String word = s.substring(start, end < 0 ? s.length() : end);
        return "@" + (column + start) + " unknown key option \"" + word + "\"";
      }
      // auth-options.c: a comma right before the blank that ends the options is accepted
      p++;
    }
    return null;
  }

  private static String check(String name, String value) {
    switch (name) {
      case "expiry-time" -> {
        // auth-options.c: a time sshd cannot read, or time_t 0, refuses the whole line.
        if (ExpiryTime.read(value).filter(t -> !t.equals(ExpiryTime.EPOCH)).isEmpty()) {
          return "invalid expiry-time \"" + value + "\" (write YYYYMMDD[HHMM[SS]], after 1970,"
              + " with Z for UTC)";
        }
      }
      case "environment" -> {
        int eq = value.indexOf('=');
        if (eq < 0 || !ENV_NAME.matcher(value.substring(0, eq)).matches()) {
          return "invalid environment string \"" + value + "\" (write NAME=value)";
        }
      }
      case "permitopen", "permitlisten" -> {
        if (!validPermit(value, name.equals("permitlisten"))) {
          return "invalid " + name + " \"" + value + "\" (write host:port, with * for any port"
              + (name.equals("permitlisten") ? ", or a port alone" : "") + ")";
        }
      }
      case "tunnel" -> {
        if (!value.equalsIgnoreCase("any") && !(value.matches("\\d{1,10}") && Long.parseLong(value) <= 0x7fffffffL - 2)) {
          return "invalid tun device \"" + value + "\"";
        }
      }
      default -> { }
    }
    return null;
  }

  private static boolean validPermit(String v, boolean listen) {
    if (listen && v.indexOf(':') < 0) {
      v = "*:" + v;
    }
    int sep;
    if (v.startsWith("[")) {
      int close = v.indexOf(']');
      if (close < 0 || close + 1 >= v.length() || v.charAt(close + 1) != ':') {
        return false;
      }
      sep = close + 1;
    } else {
      sep = v.indexOf(':');
      int slash = v.indexOf('/');
      if (sep < 0 || (slash >= 0 && slash < sep)) {
        return false;
      }
    }
    String port = v.substring(sep + 1);
    if (port.equals("*")) {
      return true;
    }
    if (!port.matches("\\d{1,5}")) {
      return false;
    }
    int n = Integer.parseInt(port);
    return n > 0 && n <= 65535;
  }
}

package org.opsbook.checker.sshclient.effective;

import java.util.List;
import java.util.Locale;
import org.opsbook.checker.sshclient.catalogue.ForwardSpec;
import org.opsbook.checker.sshclient.model.Directive;

/** How ssh -G spells single values: flag words, times in seconds, IPQoS names, forwards. Pure functions. */
final class ValueFormats {
  private ValueFormats() {}

  /** misc.c ipqos[] in table order, without "none"; values from netinet/ip.h and RFC 4594. */
  private static final List<String> IPQOS_NAMES = List.of("af11", "af12", "af13", "af21", "af22", "af23",
      "af31", "af32", "af33", "af41", "af42", "af43", "cs0", "cs1", "cs2", "cs3", "cs4", "cs5", "cs6", "cs7",
      "ef", "le", "lowdelay", "throughput", "reliability");
  private static final int[] IPQOS_VALUES = {0x28, 0x30, 0x38, 0x48, 0x50, 0x58, 0x68, 0x70, 0x78, 0x88,
      0x90, 0x98, 0x00, 0x20, 0x40, 0x60, 0x80, 0xa0, 0xc0, 0xe0, 0xb8, 0x04, 0x10, 0x08, 0x04};

  static String word(String key, String v) {
    String w = v.toLowerCase(Locale.ROOT);
    switch (key) {
      case "addressfamily", "sessiontype", "requesttty", "controlmaster", "canonicalizehostname",
          "pubkeyauthentication", "verifyhostkeydns", "updatehostkeys", "stricthostkeychecking", "tunnel" -> {
        if (w.equals("yes") || w.equals("true")) {
          return key.equals("tunnel") ? "point-to-point" : "true";
        }
        if (w.equals("no") || w.equals("false") || (key.equals("stricthostkeychecking") && w.equals("off"))) {
          return "false";
        }
        return w;
      }
      case "fingerprinthash" -> {
        return w.toUpperCase(Locale.ROOT);
      }
      default -> {
        return w.equals("yes") || w.equals("true") ? "yes" : "no";
      }
    }
  }

  static String integerValue(String key, String v) {
    if (key.equals("forwardx11timeout") || key.equals("serveraliveinterval")) {
      return v.equals("none") ? "-1" : String.valueOf(seconds(v));
    }
    return String.valueOf(Long.parseLong(v.startsWith("+") ? v.substring(1) : v));
  }

  static long seconds(String v) {
    long total = 0;
    long n = 0;
    for (char c : v.toCharArray()) {
      if (Character.isDigit(c)) {
        n = n * 10 + (c - '0');
        continue;
      }
      total += n * switch (Character.toLowerCase(c)) {
        case 'm' -> 60;
        case 'h' -> 3600;
        case 'd' -> 86400;
        case 'w' -> 604800;
        default -> 1;
      };
      n = 0;
    }
    return total + n;
  }

  static int portNumber(String p) {
    try {
      return Integer.parseInt(p);
    } catch (NumberFormatException e) {
      return p.equals("ssh") ? 22 : 0;
    }
  }

  static String listen(ForwardSpec f) {
    if (f.listenPath() != null) {
      return f.listenPath();
    }
    return f.listenHost() == null ? String.valueOf(f.listenPort()) : "[" + f.listenHost() + "]:" + f.listenPort();
  }

  static String connect(ForwardSpec f) {
    if (f.connectPath() != null) {
      return f.connectPath();
    }
    return f.connectHost() == null ? String.valueOf(f.connectPort()) : "[" + f.connectHost() + "]:" + f.connectPort();
  }

  static String expandPath(String path, ConnectionSpec spec, String host, String user) {
    String p = path.startsWith("~/") ? spec.home() + path.substring(1) : path;
    return p.replace("%%", "\u0000").replace("%d", spec.home()).replace("%u", spec.localUser())
        .replace("%h", host).replace("%r", user).replace("%n", spec.host()).replace('\u0000', '%');
  }

  static boolean isYes(String v) {
    return v != null && (v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true"));
  }

  static boolean isFlagWord(String v) {
    String w = v.toLowerCase(Locale.ROOT);
    return w.equals("yes") || w.equals("no") || w.equals("true") || w.equals("false");
  }

  /** The escape character as vis(3) with VIS_WHITE shows it, as ssh -G prints it. */
  static String escapeChar(String v) {
    if (v.equals("none")) {
      return v;
    }
    char c = v.length() == 2 && v.charAt(0) == '^' ? (char) (v.charAt(1) & 31) : v.charAt(0);
    if (c < 32) {
      return "\\^" + (char) (c + 64);
    }
    if (c == ' ') {
      return "\\040";
    }
    if (c == '\\') {
      return "\\\\";
    }
    return String.valueOf(c);
  }

  static String tunnelDevice(String v) {
    String[] parts = v.split(":", -1);
    String local = parts[0].equalsIgnoreCase("any") ? "any" : String.valueOf(Long.parseLong(parts[0]));
    String remote = parts.length < 2 || parts[1].equalsIgnoreCase("any") ? "any" : String.valueOf(Long.parseLong(parts[1]));
    return local + ":" + remote;
  }

  static String controlPersist(String v) {
    if (v == null || v.equals("no") || v.equals("false")) {
      return "no";
    }
    if (v.equals("yes") || v.equals("true")) {
      return "yes";
    }
    long s = seconds(v);
    return s == 0 ? "yes" : String.valueOf(s);
  }

  static String ipqos(Directive d) {
    String a = ipqosName(d.firstValue());
    String b = d.arguments().size() > 1 ? ipqosName(d.arguments().get(1).value()) : a;
    return a + " " + b;
  }

  static String ipqosName(String v) {
    String w = v.toLowerCase(Locale.ROOT);
    int value;
    if (w.equals("none")) {
      return "none";
    }
    int named = IPQOS_NAMES.indexOf(w);
    if (named >= 0) {
      value = IPQOS_VALUES[named];
    } else {
      value = w.startsWith("0x") ? Integer.parseInt(w.substring(2), 16)
          : w.startsWith("0") && w.length() > 1 ? Integer.parseInt(w.substring(1), 8) : Integer.parseInt(w);
    }
    // misc.c iptos2str: the first name in the table with that value, else hex
    for (int i = 0; i < IPQOS_VALUES.length; i++) {
      if (IPQOS_VALUES[i] == value) {
        return IPQOS_NAMES.get(i);
      }
    }
    return String.format(Locale.ROOT, "0x%02x", value);
  }

  static String rekey(Directive d) {
    String v = d.firstValue();
    long bytes = v.equals("default") ? 0 : scaled(v);
    String interval = "0";
    if (d.arguments().size() > 1 && !d.arguments().get(1).value().equals("none")) {
      interval = String.valueOf(seconds(d.arguments().get(1).value()));
    }
    return bytes + " " + interval;
  }

  static long scaled(String v) {
    char last = Character.toUpperCase(v.charAt(v.length() - 1));
    String num = Character.isDigit(last) ? v : v.substring(0, v.length() - 1);
    long mult = switch (last) {
      case 'K' -> 1024L;
      case 'M' -> 1024L * 1024;
      case 'G' -> 1024L * 1024 * 1024;
      case 'T' -> 1024L * 1024 * 1024 * 1024;
      case 'P' -> 1024L * 1024 * 1024 * 1024 * 1024;
      case 'E' -> 1024L * 1024 * 1024 * 1024 * 1024 * 1024;
      default -> 1;
    };
    return (long) (Double.parseDouble(num) * mult);
  }

  static String octalPrefix(String v) {
    int end = 0;
    while (end < v.length() && v.charAt(end) >= '0' && v.charAt(end) <= '7') {
      end++;
    }
    return v.substring(0, end);
  }
}

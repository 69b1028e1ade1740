package org.opsbook.checker.sshd.effective;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.checker.sshd.catalog.Addresses;
import org.opsbook.checker.sshd.catalog.TimeValues;

/** How sshd -T prints stored values: canonical words, numbers, paths and addresses. Pure helpers. */
final class Values {
  private Values() {}

  /** IP_TOS values of misc.c's ipqos table, in table order (the first name for a value is printed). */
  static final Map<String, Integer> IPQOS = new java.util.LinkedHashMap<>();

  static {
    String[] names = {"none", "af11", "af12", "af13", "af21", "af22", "af23", "af31", "af32", "af33", "af41",
        "af42", "af43", "cs0", "cs1", "cs2", "cs3", "cs4", "cs5", "cs6", "cs7", "ef", "le", "lowdelay",
        "throughput", "reliability"};
    int[] values = {Integer.MAX_VALUE, 0x28, 0x30, 0x38, 0x48, 0x50, 0x58, 0x68, 0x70, 0x78, 0x88, 0x90, 0x98,
        0x00, 0x20, 0x40, 0x60, 0x80, 0xa0, 0xc0, 0xe0, 0xb8, 0x04, 0x10, 0x08, 0x04};
    for (int i = 0; i < names.length; i++) {
      IPQOS.put(names[i], values[i]);
    }
  }

  /** Multistate words that print as another word (servconf.c fmt_multistate_int prints the first key). */
  static final Map<String, String> SYNONYMS = new TreeMap<>(Map.of(
      "prohibit-password", "without-password",
      "delayed", "yes",
      "all", "yes"));

  static String word(String v) {
    String lower = v.toLowerCase(Locale.ROOT);
    return SYNONYMS.getOrDefault(lower, lower);
  }

  static String seconds(String v) {
    return Long.toString(TimeValues.seconds(v));
  }

  static String integer(String v) {
    String s = v.strip();
    return Long.toString(Long.parseLong(s.startsWith("+") ? s.substring(1) : s));
  }

  static String logLevel(String v) {
    String u = v.toUpperCase(Locale.ROOT);
    return u.equals("DEBUG1") ? "DEBUG" : u;
  }

  /** servconf.c derelativise_path() as root: {@code none} stays, {@code ~} is root's home. */
  static String path(String v) {
    if (v.equalsIgnoreCase("none")) {
      return "none";
    }
    return tilde(v);
  }

  static String tilde(String v) {
    if (v.equals("~")) {
      return "/root";
    }
    if (v.startsWith("~/")) {
      return "/root" + v.substring(1);
    }
    return v;
  }

  static String ipqos(String v) {
    Integer value = IPQOS.get(v.toLowerCase(Locale.ROOT));
    if (value == null) {
      if (v.startsWith("0x") || v.startsWith("0X")) {
        value = Integer.parseInt(v.substring(2), 16);
      } else if (v.length() > 1 && v.startsWith("0")) {
        value = Integer.parseInt(v.substring(1), 8);
      } else {
        value = Integer.parseInt(v);
      }
    }
    for (Map.Entry<String, Integer> e : IPQOS.entrySet()) {
      if (e.getValue().equals(value)) {
        return e.getKey();
      }
    }
    return String.format(Locale.ROOT, "0x%02x", value);
  }

  /** getnameinfo(NI_NUMERICHOST) style: IPv6 compressed, lower case. */
  static String address(String host) {
    return Addresses.parse(host).map(Values::format).orElse(host.equals("localhost") ? "127.0.0.1" : host);
  }

  static String format(byte[] a) {
    if (a.length == 4) {
      return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen && j - i >= 2) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        b.append("::");
        i += bestLen - 1;
        continue;
      }
      if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
        b.append(':');
      }
      b.append(Integer.toHexString(g[i]));
    }
    return b.toString();
  }

  static String join(List<String> values) {
    return String.join(" ", values);
  }
}

package org.opsbook.checker.sshd.effective;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.checker.openssh.Addresses;
import org.opsbook.checker.sshd.catalogue.TimeValues;

/** How sshd -T prints stored values: canonical words, numbers, paths and addresses. Pure helpers. */
final class DumpValues {
  private DumpValues() {}

  /** IP_TOS values of misc.c's ipqos table, in table order (the first name for a value is printed). */
  static final Map<String, Integer> IPQOS;

  static {
    String[] names = {"none", "af11", "af12", "af13", "af21", "af22", "af23", "af31", "af32", "af33", "af41",
        "af42", "af43", "cs0", "cs1", "cs2", "cs3", "cs4", "cs5", "cs6", "cs7", "ef", "le", "lowdelay",
        "throughput", "reliability"};
    int[] values = {Integer.MAX_VALUE, 0x28, 0x30, 0x38, 0x48, 0x50, 0x58, 0x68, 0x70, 0x78, 0x88, 0x90, 0x98,
        0x00, 0x20, 0x40, 0x60, 0x80, 0xa0, 0xc0, 0xe0, 0xb8, 0x04, 0x10, 0x08, 0x04};
    Map<String, Integer> table = new java.util.LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      table.put(names[i], values[i]);
    }
    IPQOS = java.util.Collections.unmodifiableMap(table);
  }

  /** Multistate words that print as another word (servconf.c fmt_multistate_int prints the first key). */
  static final Map<String, String> SYNONYMS = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Map.of(
      "prohibit-password", "without-password",
      "delayed", "yes",
      "all", "yes")));

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

  /**
   * servconf.c derelativise_path() as root: {@code none} stays, {@code ~} is root's home, and a
   * relative path is joined to the working directory. That is {@code /} for a daemon started by
   * systemd, and sshd joins with another slash, so {@code x.pid} becomes {@code //x.pid}.
   */
  static String path(String v) {
    if (v.equalsIgnoreCase("none")) {
      return "none";
    }
    String expanded = tilde(v);
    return expanded.startsWith("/") ? expanded : "//" + expanded;
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

  /**
   * A ListenAddress host as sshd -T prints it: getaddrinfo() reads numbers in every inet_aton()
   * form ({@code 2222} is 0.0.8.174) and getnameinfo() prints them back. {@code localhost} is
   * Debian's 127.0.0.1; other names are printed as written, since opsbook resolves none.
   */
  static String address(String host) {
    return Addresses.parse(host).map(Addresses::format).orElseGet(() -> host.equals("localhost") ? "127.0.0.1" : host);
  }

  static String join(List<String> values) {
    return String.join(" ", values);
  }
}

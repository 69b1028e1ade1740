package org.opsbook.checker.sshclient.syntax;

import org.opsbook.checker.sshclient.catalogue.KeywordSpec;
import org.opsbook.check.Findings;
import org.opsbook.checker.sshclient.rules.SshClientRules;
import org.opsbook.checker.openssh.WildcardPattern;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.opsbook.checker.sshclient.model.Argument;
import org.opsbook.checker.sshclient.model.Directive;

/**
 * One directive's arguments being checked: the shared reporting helpers and the lexical forms
 * (times, ports, host:port) several keywords use. The checking methods of the subclasses return
 * how many arguments they used, or -1 after reporting an error.
 */
class ArgumentCheck {
  static final Pattern TIME = Pattern.compile("(?:\\d+[sSmMhHdDwW]?)+");
  static final Pattern SCALED = Pattern.compile("\\d+(?:\\.\\d+)?[KMGTPEkmgtpe]?");
  static final Pattern ENV_NAME = Pattern.compile("[A-Za-z0-9_]+");
  static final Set<String> IPQOS = Set.of("none", "af11", "af12", "af13", "af21", "af22",
      "af23", "af31", "af32", "af33", "af41", "af42", "af43", "cs0", "cs1", "cs2", "cs3", "cs4", "cs5",
      "cs6", "cs7", "ef", "le", "lowdelay", "throughput", "reliability");

  final Directive d;
  final KeywordSpec spec;
  final Findings out;
  final List<Argument> a;
  boolean failed;

  ArgumentCheck(Directive d, KeywordSpec spec, Findings out) {
    this.d = d;
    this.spec = spec;
    this.out = out;
    this.a = d.arguments();
  }

  int missing() {
    failed = true;
    out.report(SshClientRules.MISSING_ARGUMENT, d.line(), d.column(),
        "missing argument for " + d.keyword() + "; ssh refuses the file",
        "give " + d.keyword() + " a value (a '#' starts a comment and ends the arguments)");
    return -1;
  }

  int bad(int index, String message, String hint) {
    failed = true;
    out.report(SshClientRules.BAD_VALUE, d.line(), d.argumentColumn(index),
        message, hint);
    return -1;
  }

  boolean present(int i) {
    return i < a.size() && !a.get(i).value().isEmpty();
  }

  /** misc.c hpdelim: the colon that ends a host (after a bracketed address), or -1. */
  static int hostPortSeparator(String v) {
    int from = 0;
    if (v.startsWith("[")) {
      int close = v.indexOf(']');
      if (close < 0) {
        return -1;
      }
      from = close + 1;
      return from < v.length() && v.charAt(from) == ':' ? from : -1;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) == '/') {
        return -1;
      }
      if (v.charAt(i) == ':') {
        return i;
      }
    }
    return -1;
  }

  static boolean isTime(String v) {
    return TIME.matcher(v).matches() && v.length() < 12;
  }

  static boolean isIpqos(String v) {
    if (IPQOS.contains(v.toLowerCase(Locale.ROOT))) {
      return true;
    }
    try {
      long n = v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16)
          : v.startsWith("0") && v.length() > 1 ? Long.parseLong(v.substring(1), 8) : Long.parseLong(v);
      return n >= 0 && n <= 255 && !v.startsWith("+") && !v.startsWith("-");
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * The first name in a comma list that ssh does not know, stopping at an empty element as
   * kex.c/mac.c/cipher.c do; {@code ""} for an empty list; {@code null} when all are known.
   */
  static String firstUnknown(String list, List<String> known, boolean wildcards) {
    if (list.isEmpty()) {
      return "";
    }
    for (String name : list.split(",", -1)) {
      if (name.isEmpty()) {
        return null;
      }
      if (known.contains(name)) {
        continue;
      }
      if (wildcards && known.stream().anyMatch(k -> WildcardPattern.matchList(k, name, false) != 0)) {
        continue;
      }
      return name;
    }
    return null;
  }
}

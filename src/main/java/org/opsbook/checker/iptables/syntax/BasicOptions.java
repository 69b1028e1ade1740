package org.opsbook.checker.iptables.syntax;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.opsbook.checker.iptables.model.Command;
import org.opsbook.checker.iptables.model.Word;

/** The options iptables(8) itself defines, their short letters, and which take an argument. */
final class BasicOptions {
  private BasicOptions() {}

  static final Map<String, Command.Kind> COMMANDS = commands();
  /** Basic options: long name, then the short letter ('\0' for none), then whether it takes an argument. */
  static final List<String> BASIC_LONG = List.of(
      "append", "insert", "delete", "replace", "check", "policy", "new-chain", "delete-chain", "rename-chain",
      "flush", "zero", "list", "list-rules", "table", "protocol", "source", "src", "destination", "dst",
      "in-interface", "out-interface", "fragment", "jump", "goto", "match", "numeric", "verbose", "exact",
      "line-numbers", "wait", "wait-interval", "set-counters", "ipv4", "ipv6", "modprobe");

  static final java.util.Set<String> BASIC_LONG_SET = java.util.Set.copyOf(BASIC_LONG);

  static String shortToLong(char c) {
    return switch (c) {
      case 'A' -> "append"; case 'I' -> "insert"; case 'D' -> "delete"; case 'R' -> "replace";
      case 'C' -> "check"; case 'P' -> "policy"; case 'N' -> "new-chain"; case 'X' -> "delete-chain";
      case 'E' -> "rename-chain"; case 'F' -> "flush"; case 'Z' -> "zero"; case 'L' -> "list";
      case 'S' -> "list-rules"; case 't' -> "table"; case 'p' -> "protocol"; case 's' -> "source";
      case 'd' -> "destination"; case 'i' -> "in-interface"; case 'o' -> "out-interface";
      case 'f' -> "fragment"; case 'j' -> "jump"; case 'g' -> "goto"; case 'm' -> "match";
      case 'n' -> "numeric"; case 'v' -> "verbose"; case 'x' -> "exact"; case 'w' -> "wait";
      case 'W' -> "wait-interval"; case 'c' -> "set-counters"; case '4' -> "ipv4"; case '6' -> "ipv6";
      default -> null;
    };
  }

  static boolean takesArgument(String longName) {
    return switch (longName) {
      case "append", "insert", "delete", "replace", "check", "policy", "new-chain", "rename-chain",
          "table", "protocol", "source", "src", "destination", "dst", "in-interface", "out-interface",
          "jump", "goto", "match", "wait-interval", "set-counters", "modprobe" -> true;
      default -> false;
    };
  }

  /** Options whose argument getopt takes only when it is attached or, for commands, the next word. */
  static boolean takesOptionalArgument(String longName) {
    return switch (longName) {
      case "delete-chain", "flush", "zero", "list", "list-rules", "wait" -> true;
      default -> false;
    };
  }

  static boolean prefixOf(String name, OptionSpec spec) {
    if (spec.name().startsWith(name)) {
      return true;
    }
    for (String alias : spec.aliases()) {
      if (alias.startsWith(name)) {
        return true;
      }
    }
    return false;
  }

  static boolean isDigits(String s, int max) {
    return !s.isEmpty() && s.length() <= max && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  static Map<String, Command.Kind> commands() {
    Map<String, Command.Kind> m = new TreeMap<>();
    m.put("append", Command.Kind.APPEND);
    m.put("insert", Command.Kind.INSERT);
    m.put("delete", Command.Kind.DELETE);
    m.put("replace", Command.Kind.REPLACE);
    m.put("check", Command.Kind.CHECK);
    m.put("policy", Command.Kind.POLICY);
    m.put("new-chain", Command.Kind.NEW_CHAIN);
    m.put("delete-chain", Command.Kind.DELETE_CHAIN);
    m.put("rename-chain", Command.Kind.RENAME_CHAIN);
    m.put("flush", Command.Kind.FLUSH);
    m.put("zero", Command.Kind.ZERO);
    m.put("list", Command.Kind.LIST);
    m.put("list-rules", Command.Kind.LIST_RULES);
    return java.util.Collections.unmodifiableMap(m);
  }
  static boolean isKnownOption(Word w) {
    if (!w.looksLikeOption()) {
      return false;
    }
    String t = w.text();
    if (t.startsWith("--")) {
      String n = t.substring(2);
      return BASIC_LONG_SET.contains(n) || Extensions.ALL_OPTION_NAMES.contains(n);
    }
    return t.length() == 2 && shortToLong(t.charAt(1)) != null;
  }
}

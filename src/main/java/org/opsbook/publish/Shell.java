package org.opsbook.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Quoting for the POSIX shell that runs commands sent over SSH. */
final class Shell {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+-]+");

  private Shell() {}

  /** A word the remote shell reads back exactly: single quotes, each {@code '} as {@code '\''}. */
  static String quote(String word) {
    if (SAFE.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** {@code sh -c SCRIPT sh ARG...}, quoted as one command line for {@code ssh host COMMAND}. */
  static String script(String script, List<String> args) {
    List<String> words = new ArrayList<>(List.of("sh", "-c", script, "sh"));
    words.addAll(args);
    return String.join(" ", words.stream().map(Shell::quote).toList());
  }

  /** Splits a command such as {@code ssh -p 2222 -i key} at spaces; quotes are not interpreted. */
  static List<String> split(String command) {
    List<String> words = new ArrayList<>();
    for (String w : command.trim().split("\\s+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }
}

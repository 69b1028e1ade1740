package org.opsbook.checker.apache.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opsbook.checker.apache.model.ConfWords;

/**
 * The argument-count checks httpd makes before a directive's handler runs (config.c,
 * invoke_cmd), with its messages. Pure functions.
 */
public final class ArgForms {
  private ArgForms() {}

  /** Why {@code args} does not fit the directive's form, in httpd's words; empty when it does. */
  public static Optional<String> check(DirectiveSpec spec, String args) {
    List<ConfWords.Word> words = ConfWords.split(args);
    int n = words.size();
    String help = spec.help().isEmpty() ? "" : ", " + spec.help();
    String name = spec.name();
    boolean first = n >= 1 && !words.get(0).value().isEmpty();
    boolean ok = switch (spec.form()) {
      case RAW_ARGS, TAKE_ARGV -> true;
      case NO_ARGS -> args.isEmpty();
      case TAKE1 -> first && n == 1;
      case TAKE2 -> nonEmpty(words, 2) && n == 2;
      case TAKE12 -> first && n <= 2;
      case TAKE3 -> nonEmpty(words, 3) && n == 3;
      case TAKE23 -> nonEmpty(words, 2) && n <= 3;
      case TAKE123 -> first && n <= 3;
      // A second word needs a third, unless it is empty ("").
      case TAKE13 -> first && (n == 1 || n == 3 || (n == 2 && words.get(1).value().isEmpty()));
      case ITERATE -> first;
      case ITERATE2 -> first && n >= 2;
      // Words after On or Off are ignored.
      case FLAG -> n >= 1 && isOnOff(words.get(0).value());
    };
    if (ok) {
      return Optional.empty();
    }
    return Optional.of(switch (spec.form()) {
      case NO_ARGS -> name + " takes no arguments";
      case TAKE1 -> name + " takes one argument" + help;
      case TAKE2 -> name + " takes two arguments" + help;
      case TAKE12 -> name + " takes 1-2 arguments" + help;
      case TAKE3 -> name + " takes three arguments" + help;
      case TAKE23 -> name + " takes two or three arguments" + help;
      case TAKE123 -> name + " takes one, two or three arguments" + help;
      case TAKE13 -> name + " takes one or three arguments" + help;
      case ITERATE -> name + " requires at least one argument" + help;
      case ITERATE2 -> name + " requires at least two arguments" + help;
      case FLAG -> name + " must be On or Off";
      case RAW_ARGS, TAKE_ARGV -> name;
    });
  }

  /**
   * Whether the first {@code count} words are non-empty. An empty quoted word ({@code ""}) counts
   * as missing, as httpd tests {@code *w == '\0'}.
   */
  private static boolean nonEmpty(List<ConfWords.Word> words, int count) {
    if (words.size() < count) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      if (words.get(i).value().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isOnOff(String w) {
    String l = w.toLowerCase(Locale.ROOT);
    return l.equals("on") || l.equals("off");
  }

  /** The words a form hands over, as a list of values. */
  public static List<String> values(String args) {
    List<String> out = new ArrayList<>();
    for (ConfWords.Word w : ConfWords.split(args)) {
      out.add(w.value());
    }
    return out;
  }
}

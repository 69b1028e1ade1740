package org.opsbook.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opsbook.check.Suggestion;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * "did you mean ...?" for a misspelt command ({@code opsbook biuld}) or option ({@code --fromat}):
 * the nearest name the command line at hand accepts, by {@link Suggestion}.
 */
final class CommandSuggestions {
  private CommandSuggestions() {}

  /** The error in opsbook's words where picocli's would puzzle: a misspelt command is an unknown command. */
  static String message(CommandLine.ParameterException ex) {
    CommandSpec spec = ex.getCommandLine().getCommandSpec();
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
        && !spec.subcommands().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
      return "unknown command '" + unmatched.getUnmatched().get(0) + "'";
    }
    return ex.getMessage();
  }

  static Optional<String> forError(CommandLine.ParameterException ex) {
    if (!(ex instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
      return Optional.empty();
    }
    String word = unmatched.getUnmatched().get(0);
    return forWord(ex.getCommandLine().getCommandSpec(), word);
  }

  /** The subcommand or option of {@code spec} nearest to {@code word}, if it is close enough to be a typo. */
  static Optional<String> forWord(CommandSpec spec, String word) {
    if (word.startsWith("-")) {
      int eq = word.indexOf('=');
      String name = eq < 0 ? word : word.substring(0, eq);
      List<String> options = new ArrayList<>();
      for (OptionSpec o : spec.options()) {
        if (!o.hidden()) {
          options.addAll(List.of(o.names()));
        }
      }
      // Single-letter options are too short to guess at: "-x" is one step from every one of them.
      return name.startsWith("--") ? Suggestion.closest(name, options.stream().filter(n -> n.startsWith("--")).toList(), 3)
          : Optional.empty();
    }
    return Suggestion.closest(word, spec.subcommands().keySet(), 2).map(c -> spec.qualifiedName(" ") + " " + c);
  }
}

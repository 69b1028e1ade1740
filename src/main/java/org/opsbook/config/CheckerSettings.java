package org.opsbook.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.opsbook.check.Checker;
import org.opsbook.check.CheckerOption;
import org.opsbook.check.CoreRules;
import org.opsbook.check.Suggestion;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.Severity;
import org.opsbook.diag.SourceSpan;

/**
 * The {@code checkers:} section of {@code opsbook.yaml}, held to the options each checker declares
 * ({@link Checker#options()}): a misspelt checker ID, an option the checker does not take, or a
 * value of the wrong kind is an error at its line, where it would otherwise be silently ignored
 * and the checker would run on its default.
 */
final class CheckerSettings {
  private final Supplier<List<Checker>> checkers;

  /** @param checkers the checkers of the run; asked only when the file has a checkers section */
  CheckerSettings(Supplier<List<Checker>> checkers) {
    this.checkers = checkers;
  }

  /**
   * The settings as {@code <checker-id>.<key>} → value, for the keys that passed.
   *
   * @param section the value of {@code checkers}, not null
   */
  Map<String, String> read(JsonNode section, KeyPositions at, String file, List<Diagnostic> problems) {
    Map<String, String> options = new TreeMap<>();
    if (!section.isObject()) {
      problems.add(error(file, at.of("checkers"), "checkers must map checker IDs to settings",
          "write e.g. 'checkers:' then '  sshd:' then '    version: \"9.2\"'"));
      return options;
    }
    Map<String, Checker> byId = new TreeMap<>();
    for (Checker c : checkers.get()) {
      byId.put(c.id(), c);
    }
    section.fields().forEachRemaining(entry -> {
      String id = entry.getKey();
      Checker checker = byId.get(id);
      if (checker == null) {
        problems.add(error(file, at.of("checkers", id), "there is no checker '" + id + "'",
            didYouMean(id, byId.keySet(), "checkers are " + String.join(", ", byId.keySet()))));
        return;
      }
      JsonNode settings = entry.getValue();
      if (settings.isNull()) {
        return;
      }
      if (!settings.isObject()) {
        problems.add(error(file, at.of("checkers", id),
            "settings for checker '" + id + "' must be a mapping, such as 'version: \"9.2\"'", null));
        return;
      }
      Map<String, CheckerOption> declared = new TreeMap<>();
      for (CheckerOption o : checker.options()) {
        declared.put(o.key(), o);
      }
      settings.fields().forEachRemaining(setting -> {
        String key = setting.getKey();
        KeyPositions.Position where = at.of("checkers", id, key);
        CheckerOption option = declared.get(key);
        if (option == null) {
          String known = declared.isEmpty()
              ? "checker '" + id + "' takes no settings"
              : "checker '" + id + "' takes " + String.join(", ", declared.keySet());
          problems.add(error(file, where, "checker '" + id + "' has no option '" + key + "'",
              didYouMean(key, declared.keySet(), known)));
          return;
        }
        JsonNode value = setting.getValue();
        if (!value.isValueNode() || value.isNull()) {
          problems.add(error(file, where, id + "." + key + " takes a single value, not "
              + (value.isNull() ? "nothing" : "a " + (value.isArray() ? "list" : "mapping")), hint(option)));
          return;
        }
        String text = at.written("checkers", id, key).orElse(value.asText());
        Optional<String> problem = option.problem(text);
        if (problem.isPresent()) {
          problems.add(error(file, where, id + "." + problem.get(), hint(option)));
          return;
        }
        options.put(id + "." + key, text);
      });
    });
    return options;
  }

  private static String hint(CheckerOption option) {
    return option.key() + ": " + option.summary() + " (default " + option.defaultValue() + ")";
  }

  private static String didYouMean(String word, java.util.Collection<String> candidates, String otherwise) {
    return Suggestion.closest(word, candidates, 2).map(s -> "did you mean '" + s + "'? " + otherwise).orElse(otherwise);
  }

  private static Diagnostic error(String file, KeyPositions.Position at, String message, String hint) {
    return new Diagnostic(new SourceSpan(file, at.line(), at.column()), CoreRules.CONFIG, Severity.ERROR, message, hint);
  }
}

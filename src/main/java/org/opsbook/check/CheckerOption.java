package org.opsbook.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A setting a checker takes from {@code opsbook.yaml} under {@code checkers.<checker-id>.<key>}.
 * The configuration is validated once against these declarations, so a misspelt key or a value of
 * the wrong kind is an error at its line instead of a silent default.
 *
 * @param key the setting's name within its checker, such as {@code version}
 * @param type what kind of value it takes
 * @param defaultValue the value used when the site sets none, as it would be written
 * @param summary one line for the README and error messages
 * @param choices for {@link Type#CHOICE}, every accepted value; empty otherwise
 * @param validator for {@link Type#VERSION} and {@link Type#TEXT}: why a value is refused, or empty
 *     when it is accepted
 */
public record CheckerOption(
    String key, Type type, String defaultValue, String summary, List<String> choices,
    Function<String, Optional<String>> validator) {

  /** The kinds of values an option takes. */
  public enum Type {
    TEXT, INTEGER, BOOLEAN, CHOICE, VERSION, LIST
  }

  public CheckerOption {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(summary, "summary");
    choices = List.copyOf(choices);
    Objects.requireNonNull(validator, "validator");
    if (!key.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("option keys are lower-case words: " + key);
    }
  }

  /** A release number checked by {@code validator}, such as OpenSSH's {@code 9.2}. */
  public static CheckerOption version(String key, String defaultValue, String summary,
      Function<String, Optional<String>> validator) {
    return new CheckerOption(key, Type.VERSION, defaultValue, summary, List.of(), validator);
  }

  public static CheckerOption choice(String key, String defaultValue, String summary, List<String> choices) {
    return new CheckerOption(key, Type.CHOICE, defaultValue, summary, choices, v -> Optional.empty());
  }

  public static CheckerOption bool(String key, boolean defaultValue, String summary) {
    return new CheckerOption(key, Type.BOOLEAN, Boolean.toString(defaultValue), summary, List.of(), v -> Optional.empty());
  }

  public static CheckerOption integer(String key, int defaultValue, String summary) {
    return new CheckerOption(key, Type.INTEGER, Integer.toString(defaultValue), summary, List.of(), v -> Optional.empty());
  }

  /** Comma-separated words, such as a list of enabled modules. */
  public static CheckerOption list(String key, String defaultValue, String summary) {
    return new CheckerOption(key, Type.LIST, defaultValue, summary, List.of(), v -> Optional.empty());
  }

  public static CheckerOption text(String key, String defaultValue, String summary,
      Function<String, Optional<String>> validator) {
    return new CheckerOption(key, Type.TEXT, defaultValue, summary, List.of(), validator);
  }

  /** Why {@code value} is not acceptable for this option, or empty when it is. */
  public Optional<String> problem(String value) {
    if (value == null) {
      return Optional.of(key + " needs a value");
    }
    switch (type) {
      case INTEGER -> {
        if (!value.matches("-?[0-9]{1,9}")) {
          return Optional.of(key + " takes a whole number, not '" + value + "'");
        }
      }
      case BOOLEAN -> {
        if (!value.equals("true") && !value.equals("false")) {
          return Optional.of(key + " takes true or false, not '" + value + "'");
        }
      }
      case CHOICE -> {
        if (!choices.contains(value)) {
          return Optional.of(key + " takes one of " + String.join(", ", choices) + ", not '" + value + "'");
        }
      }
      default -> {
        // TEXT, VERSION and LIST are checked by the validator alone.
      }
    }
    return validator.apply(value);
  }
}

package org.opsbook.checker.postfix.engine;

import java.util.List;
import java.util.Locale;

/** The checker option {@code postfix.engine}: which regex engine answers. */
public enum EngineChoice {
  /** The library Postfix calls where it can be loaded, else the translator. */
  AUTO,
  /** Only the library Postfix calls; a table cannot be checked where it is missing. */
  NATIVE,
  /** The translator to java.util.regex, even where the library is there. */
  TRANSLATOR;

  public static final String DEFAULT = "auto";

  /** The option values, as written in opsbook.yaml. */
  public static List<String> names() {
    return List.of("auto", "native", "translator");
  }

  /** The choice an option value names; AUTO for anything else (the option is validated before). */
  public static EngineChoice of(String value) {
    for (EngineChoice c : values()) {
      if (c.name().toLowerCase(Locale.ROOT).equals(value)) {
        return c;
      }
    }
    return AUTO;
  }
}

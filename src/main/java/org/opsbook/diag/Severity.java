package org.opsbook.diag;

import java.util.Locale;

/** How serious a finding is. Declared from most to least severe, so the natural order sorts errors first. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lower-case word used in text output and JSON: {@code error}, {@code warning}, {@code info}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label as written in configuration ({@code error}, {@code Warning}, ...). */
  public static Severity fromLabel(String label) {
    return valueOf(label.trim().toUpperCase(Locale.ROOT));
  }
}

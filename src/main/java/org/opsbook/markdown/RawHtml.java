package org.opsbook.markdown;

import java.util.Locale;
import java.util.Optional;

/** What {@code markdown.raw_html} in opsbook.yaml does with HTML tags written in Markdown. */
public enum RawHtml {
  /** Pass them through to the page (the default, as CommonMark does). */
  ALLOW,
  /** Show them as text. */
  ESCAPE,
  /** Report each as an {@code opsbook.raw-html} error. */
  ERROR;

  /** The setting's value as written in opsbook.yaml: {@code allow}, {@code escape} or {@code error}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RawHtml> fromLabel(String text) {
    for (RawHtml mode : values()) {
      if (mode.label().equals(text)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}

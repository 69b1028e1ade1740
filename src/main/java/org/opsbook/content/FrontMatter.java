package org.opsbook.content;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The YAML block at the top of a Markdown file.
 *
 * @param title required
 * @param date publication date; required for articles
 * @param updated last substantial revision, or {@code null}
 * @param tags free-form tags, in the author's order, without duplicates
 * @param summary one or two sentences for lists and feeds; may be empty
 * @param draft drafts are built only with {@code --drafts}
 * @param aliases old site paths that redirect here, such as {@code /old/ssh-hardening/}
 */
public record FrontMatter(
    String title, LocalDate date, LocalDate updated, List<String> tags, String summary, boolean draft, List<String> aliases) {

  public FrontMatter {
    Objects.requireNonNull(title);
    Objects.requireNonNull(summary);
    tags = List.copyOf(tags);
    aliases = List.copyOf(aliases);
  }

  public Optional<LocalDate> dateValue() {
    return Optional.ofNullable(date);
  }

  public Optional<LocalDate> updatedValue() {
    return Optional.ofNullable(updated);
  }
}

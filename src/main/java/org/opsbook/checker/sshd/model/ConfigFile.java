package org.opsbook.checker.sshd.model;

import java.util.Objects;
import org.opsbook.check.Snippet;

/**
 * One file sshd reads while loading a configuration: the main file, or one an {@code Include}
 * pulled in.
 *
 * @param source the file's text and where it sits in the file the author edits
 * @param path the path sshd knows it by ({@code /etc/ssh/sshd_config.d/10-hardening.conf})
 * @param owned whether findings on its lines belong to this check: true for the main file and for
 *     files that are not checked on their own; an article's {@code sshd_config} snippets are
 *     checked on their own, so a check that includes one reports only what comes of including it
 * @param parent the index of the file whose {@code Include} read this one, or -1 for the main file
 * @param includeLine the line of that {@code Include} in the parent (0 for the main file)
 * @param includeColumn the column of the pattern that matched this file
 * @param depth how many includes deep it is: 0 for the main file
 */
public record ConfigFile(Snippet source, String path, boolean owned, int parent, int includeLine, int includeColumn,
    int depth) {
  public ConfigFile {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
  }

  /** The main file. */
  public static ConfigFile main(Snippet source) {
    return new ConfigFile(source, source.attribute("file").orElse(source.origin().file()), true, -1, 0, 0, 0);
  }
}

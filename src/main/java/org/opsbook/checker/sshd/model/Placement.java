package org.opsbook.checker.sshd.model;

import java.util.List;
import java.util.Optional;
import org.opsbook.diag.SourceSpan;

/**
 * Where a finding about a line of a configuration is reported, and what its message starts with.
 * A line of an owned file is reported where it is. A line of a file that is checked on its own is
 * left to that check, except for findings that only exist because the files are read together;
 * those go to the {@code Include} line of the nearest owned file, naming the line they are about.
 *
 * @param where the position in the edited file
 * @param prefix what the message starts with: empty, or {@code "PATH line N: "}
 */
public record Placement(SourceSpan where, String prefix) {

  /**
   * @param combined whether the finding exists only because the files are read together
   * @return the placement, or empty when the file's own check reports it
   */
  public static Optional<Placement> of(List<ConfigFile> files, int file, int line, int column, boolean combined) {
    ConfigFile f = files.get(file);
    if (f.owned()) {
      return Optional.of(new Placement(f.source().at(Math.max(1, line), Math.max(1, column)), ""));
    }
    if (!combined) {
      return Optional.empty();
    }
    ConfigFile child = f;
    while (!files.get(child.parent()).owned()) {
      child = files.get(child.parent());
    }
    ConfigFile owner = files.get(child.parent());
    return Optional.of(new Placement(owner.source().at(Math.max(1, child.includeLine()), Math.max(1, child.includeColumn())),
        f.path() + " line " + line + ": "));
  }
}

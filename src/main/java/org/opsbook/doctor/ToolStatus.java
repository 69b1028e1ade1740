package org.opsbook.doctor;

import java.util.Optional;

/**
 * What the doctor found for one tool.
 *
 * @param path where the executable is, when found
 * @param version its version, when it printed one we recognise
 */
public record ToolStatus(Tool tool, Optional<String> path, Optional<String> version) {
  public boolean found() {
    return path.isPresent();
  }
}

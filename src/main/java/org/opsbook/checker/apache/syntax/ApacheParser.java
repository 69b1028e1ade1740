package org.opsbook.checker.apache.syntax;

import org.opsbook.check.Snippet;

/**
 * Reads Apache httpd configuration text into a directive tree the way httpd's build phase does
 * (see {@link TreeBuilder}). Pure: the result depends on the text and the settings only.
 */
public final class ApacheParser {
  private ApacheParser() {}

  public static ReadResult read(Snippet file, ReadSettings settings) {
    return new TreeBuilder(settings).read(file);
  }
}

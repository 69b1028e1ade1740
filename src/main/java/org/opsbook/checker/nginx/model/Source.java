package org.opsbook.checker.nginx.model;

import java.util.Objects;
import org.opsbook.check.Snippet;
import org.opsbook.diag.SourceSpan;

/**
 * The file a directive was read from: the snippet under check, or a file it includes.
 *
 * @param path the path nginx would name in its messages ({@code /etc/nginx/conf.d/app.conf}), or
 *     the snippet's own name for the file under check
 * @param snippet the text's snippet, which places its positions in the edited file
 * @param main whether this is the snippet under check rather than an included file
 */
public record Source(String path, Snippet snippet, boolean main) {
  public Source {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(snippet, "snippet");
  }

  public SourceSpan at(int line, int column) {
    return snippet.at(line, column);
  }
}

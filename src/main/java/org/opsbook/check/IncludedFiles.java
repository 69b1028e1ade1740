package org.opsbook.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The other files a configuration may pull in ({@code Include} in sshd_config, {@code include} in
 * nginx, {@code Include} in Apache). In a build these are the article's own snippets that carry a
 * {@code file=} attribute, never the disk; {@code opsbook lint} may offer the files on disk.
 * Implementations are immutable and thread-safe.
 */
public interface IncludedFiles {

  /** No files at all: every include finds nothing. */
  IncludedFiles NONE = pattern -> List.of();

  /**
   * The files whose absolute path matches {@code pattern}, in the order glob(3) returns them
   * (sorted by path). The pattern is absolute: a checker resolves a relative one against the
   * daemon's own base folder first. In glob(7) syntax, {@code *}, {@code ?} and {@code [...]}
   * never match a {@code /}, and match a leading {@code .} of a name only when the pattern spells
   * it. Each file comes back as a snippet positioned where its text is, so findings in it point
   * into the right place.
   */
  List<Snippet> matching(String pattern);

  /** Whether a pattern has glob(7) wildcards; a plain path names one file. */
  static boolean isPattern(String path) {
    return path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('[') >= 0;
  }

  /**
   * The files on this machine's disk, for {@code opsbook lint}: a pattern's matches in glob(3)
   * order, each read as UTF-8. Files over 4 MiB and folders are left out; a pattern matches at
   * most 1,000 files.
   */
  static IncludedFiles onDisk() {
    return pattern -> DiskGlob.read(pattern);
  }

  /**
   * The snippets of an article that name a {@code file=}, as the files they stand for. The first
   * snippet for a path wins; later ones for the same path are other versions of the text that the
   * article shows, not other files.
   */
  static IncludedFiles ofSnippets(List<Snippet> snippets) {
    List<Snippet> withPath = new ArrayList<>();
    for (Snippet s : snippets) {
      String file = s.attribute("file").orElse(null);
      if (file != null && file.startsWith("/") && withPath.stream().noneMatch(o -> o.attribute("file").orElseThrow().equals(file))) {
        withPath.add(s);
      }
    }
    withPath.sort(Comparator.comparing(s -> s.attribute("file").orElseThrow()));
    List<Snippet> files = List.copyOf(withPath);
    return pattern -> {
      List<Snippet> out = new ArrayList<>();
      for (Snippet s : files) {
        if (GlobPattern.matches(pattern, s.attribute("file").orElseThrow())) {
          out.add(s);
        }
      }
      return out;
    };
  }
}

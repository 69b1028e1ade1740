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

  /**
   * Whether these are all the files there are, as on a disk: then a pattern that matches nothing
   * names no file at all. An article's snippets are only the files it chooses to show, so there a
   * pattern that matches nothing says nothing about a real host.
   */
  default boolean isWholeTree() {
    return false;
  }

  /**
   * Whether {@code matched}, what {@link #matching} returned for a pattern, may leave files of the
   * pattern out: on a disk at most {@link DiskFiles#MATCH_LIMIT} files of one pattern are read,
   * and a checker that gets that many says that any after them were not checked.
   */
  default boolean mayLeaveOut(List<Snippet> matched) {
    return false;
  }

  /**
   * The files that match {@code pattern} but that {@link #matching} could not give, each with why:
   * on a disk, one that cannot be read by the user running opsbook (the daemon, started as root,
   * may read it), one over the size limit, a device or a pipe, and a folder on the way that cannot
   * be listed. A checker that gets any must not call the include missing, and must say that the
   * settings in them are not checked.
   */
  default List<Unread> unread(String pattern) {
    return List.of();
  }

  /**
   * A file that exists but was not read.
   *
   * @param path its absolute path
   * @param reason why, as a clause: "cannot be read (permission denied)", "is larger than 4 MiB"
   */
  record Unread(String path, String reason) {
    /**
     * What a checker says after "matches": "more than opsbook could read (/a cannot be read
     * (permission denied)), so that part is not checked".
     */
    public static String describe(List<Unread> unread) {
      return "more than opsbook could read (" + list(unread) + "), so that part is not checked";
    }

    /** Each file and why: "/a cannot be read (permission denied); /b is larger than 4 MiB". */
    public static String list(List<Unread> unread) {
      return String.join("; ", unread.stream().map(u -> u.path() + " " + u.reason()).toList());
    }

    /** The hint for such a finding: how to get the file read. */
    public static String hint(String daemon) {
      return "run opsbook where it can read the file (" + daemon + " reads it as root), or lint that file on its own";
    }
  }

  /** Whether a pattern has glob(7) wildcards; a plain path names one file. */
  static boolean isPattern(String path) {
    return path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('[') >= 0;
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

package org.opsbook.checker.sshd.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A configuration as sshd loads it: the files it read, its directives in reading order and its
 * Match blocks. Directives whose line sshd rejected are left out; the parser reports them.
 *
 * @param refusedElsewhere errors sshd would stop on that lie in files this check does not report
 *     (they are reported by those files' own check), one description each
 * @param byKeyword the directives of each keyword (canonical lower-case name), in reading order;
 *     built from {@code directives} when the configuration is made with {@link #of}
 */
public record SshdConfig(List<ConfigFile> files, List<Directive> directives, List<MatchBlock> blocks,
    List<String> refusedElsewhere, Map<String, List<Directive>> byKeyword) {
  public SshdConfig {
    files = List.copyOf(files);
    directives = List.copyOf(directives);
    blocks = List.copyOf(blocks);
    refusedElsewhere = List.copyOf(refusedElsewhere);
    byKeyword = Map.copyOf(byKeyword);
  }

  public static SshdConfig of(List<ConfigFile> files, List<Directive> directives, List<MatchBlock> blocks,
      List<String> refusedElsewhere) {
    Map<String, List<Directive>> index = new HashMap<>();
    for (Directive d : directives) {
      index.computeIfAbsent(d.lowerKeyword(), k -> new ArrayList<>()).add(d);
    }
    index.replaceAll((k, v) -> List.copyOf(v));
    return new SshdConfig(files, directives, blocks, refusedElsewhere, index);
  }

  /** Directives of a keyword (canonical lower-case name), in reading order, global and in Match blocks. */
  public List<Directive> all(String canonicalLowerName) {
    return byKeyword.getOrDefault(canonicalLowerName, List.of());
  }

  /** Directives of the global section only. */
  public List<Directive> global(String canonicalLowerName) {
    List<Directive> found = new ArrayList<>();
    for (Directive d : all(canonicalLowerName)) {
      if (!d.isInMatch()) {
        found.add(d);
      }
    }
    return found;
  }

  /** Whether any directive, anywhere, uses one of the keywords given in lower case. */
  public boolean mentions(String... lowerNames) {
    for (String n : lowerNames) {
      if (!all(n.toLowerCase(Locale.ROOT)).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether sshd applies a chain of Match blocks when it loads the file without a connection (and
   * so to every connection): only when each block is a valid {@code Match All}.
   */
  public boolean appliesGlobally(List<Integer> chain) {
    for (int b : chain) {
      MatchBlock block = blocks.get(b);
      if (!block.valid() || !block.isAll()) {
        return false;
      }
    }
    return true;
  }

  /** "line N", or "PATH line N" for a line of another file than the main one. */
  public String where(int file, int line) {
    return file == 0 ? "line " + line : files.get(file).path() + " line " + line;
  }
}

package org.opsbook.publish;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Decides, before anything is touched, whether opsbook may write a site into a folder or replace
 * it. A build's output folder and a publish target must not be empty text (what an unset CI
 * variable gives), the project folder or a folder above it, nor hold or lie inside the content,
 * themes, layouts or {@code .git} folders or the configuration file; it must not be a file or a
 * symbolic link; and an existing folder must be empty or visibly opsbook's: a build output lists
 * every file it holds in its {@link OutputManifest}, a release store holds only releases and the
 * {@code current} link. Paths are compared as written and with symbolic links resolved, so a link
 * cannot smuggle the project in under another name.
 */
public final class OutputFolderGuard {
  /** How many foreign files a refusal names. */
  private static final int NAMED = 3;

  /** A path no output may be, contain or lie in, with what it is called in messages. */
  public record Protected(Path path, String name) {}

  /**
   * Proof that {@link #checkBuildOutput} passed for a folder, so that a build started right after
   * need not walk the folder a second time. Only the guard makes one.
   */
  public static final class Approval {
    private final Path folder;

    private Approval(Path folder) {
      this.folder = folder;
    }

    /** Whether this approves writing the site to {@code dir}. */
    public boolean covers(Path dir) {
      return folder.equals(dir.toAbsolutePath().normalize());
    }
  }

  private final Path projectRoot;
  private final List<Protected> protectedPaths;

  private OutputFolderGuard(Path projectRoot, List<Protected> protectedPaths) {
    this.projectRoot = projectRoot.toAbsolutePath().normalize();
    this.protectedPaths = List.copyOf(protectedPaths);
  }

  /** The guard of a project: its content folder, themes, layouts, repository and configuration file. */
  public static OutputFolderGuard forProject(Path projectRoot, Path contentDir, Path configFile) {
    Path root = projectRoot.toAbsolutePath().normalize();
    return new OutputFolderGuard(root, List.of(
        new Protected(contentDir, "the content folder"),
        new Protected(root.resolve("themes"), "the themes folder"),
        new Protected(root.resolve("layouts"), "the layouts folder"),
        new Protected(root.resolve(".git"), "the git repository (.git)"),
        new Protected(configFile, "the configuration file")));
  }

  /** This guard, also keeping outputs away from {@code path}, such as the site being published. */
  public OutputFolderGuard alsoProtecting(Path path, String name) {
    List<Protected> more = new ArrayList<>(protectedPaths);
    more.add(new Protected(path, name));
    return new OutputFolderGuard(projectRoot, more);
  }

  /**
   * Throws unless a build may write its site into {@code folder}: replacing it loses nothing that
   * opsbook did not write itself.
   *
   * @param asWritten the folder as the user gave it, for messages and to catch empty text; {@code
   *     null} when it is the default
   * @return the proof that it passed, which {@code Build.run} takes instead of checking again
   */
  public Approval checkBuildOutput(String asWritten, Path folder) throws UnsafeOutputException {
    Path abs = checkLocation(asWritten, folder, "write the site to", "-o site");
    if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
      return new Approval(abs);
    }
    String shown = shown(asWritten, abs);
    try {
      Optional<Set<String>> manifest = OutputManifest.read(abs);
      List<String> foreign;
      if (manifest.isPresent()) {
        foreign = foreignFiles(abs, manifest.get());
      } else if (Files.isRegularFile(abs.resolve(BuildMarker.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
        // Written by an opsbook that kept no manifest: its build marker is the proof of ownership.
        return new Approval(abs);
      } else {
        foreign = entries(abs);
      }
      if (!foreign.isEmpty()) {
        throw new UnsafeOutputException("refusing to replace '" + shown + "': it holds files that opsbook did not write ("
            + names(foreign) + "), and replacing the folder would delete them",
            "write the site to a new or empty folder, such as -o site; or move those files away (into content/ if they"
                + " belong to the site)");
      }
      return new Approval(abs);
    } catch (IOException e) {
      throw new UnsafeOutputException("cannot look into '" + shown + "' (" + e.getMessage() + "), so it is not replaced",
          "make the folder readable, or write the site to another folder");
    }
  }

  /**
   * Throws unless {@code folder} may hold a release store: new, empty, or holding only what {@code
   * opsbook publish} puts there ({@code releases/}, the {@code current} link, its lock and the
   * temporary link of a switch).
   */
  public void checkReleaseStore(String asWritten, Path folder) throws UnsafeOutputException {
    Path abs = checkLocation(asWritten, folder, "publish to", "--to /var/www/docs");
    if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      List<String> foreign = new ArrayList<>();
      for (String name : entries(abs)) {
        if (!ReleaseLayout.isLayoutEntry(name)) {
          foreign.add(name);
        }
      }
      if (!foreign.isEmpty()) {
        throw new UnsafeOutputException("refusing to publish to '" + shown(asWritten, abs) + "': it holds files that"
            + " opsbook publish did not put there (" + names(foreign) + ")",
            "publish to an empty folder, or to one that holds only releases/ and the current link;"
                + " point the web server at DIR/current");
      }
    } catch (IOException e) {
      throw new UnsafeOutputException("cannot look into '" + shown(asWritten, abs) + "' (" + e.getMessage() + ")",
          "make the folder readable, or publish elsewhere");
    }
  }

  /**
   * Throws unless files may be written into {@code folder} by name (the maintenance command's
   * output): the location checks every output shares, without requiring the folder to be opsbook's.
   */
  public void checkOutputLocation(String asWritten, Path folder) throws UnsafeOutputException {
    checkLocation(asWritten, folder, "write to", "--out /var/www/maintenance/NAME");
  }

  /** The checks every output shares; returns the folder as an absolute, normalised path. */
  private Path checkLocation(String asWritten, Path folder, String verb, String example) throws UnsafeOutputException {
    if (asWritten != null && asWritten.isBlank()) {
      throw new UnsafeOutputException("refusing to " + verb + " '" + asWritten + "': the folder is empty text, which is"
          + " what an unset variable gives; it would mean the working folder itself",
          "name a folder of its own, such as " + example + ", and check that the variable is set");
    }
    Path abs = folder.toAbsolutePath().normalize();
    String shown = shown(asWritten, abs);
    for (Path candidate : List.of(abs, resolved(abs))) {
      for (Path root : List.of(projectRoot, resolved(projectRoot))) {
        if (root.startsWith(candidate)) {
          throw new UnsafeOutputException("refusing to " + verb + " '" + shown + "': it is "
              + (root.equals(candidate) ? "the project folder" : "a folder above the project")
              + ", and replacing it would delete the content, opsbook.yaml and .git",
              "use a folder of its own inside the project, such as " + example);
        }
      }
      for (Protected p : protectedPaths) {
        for (Path guarded : List.of(p.path().toAbsolutePath().normalize(), resolved(p.path().toAbsolutePath().normalize()))) {
          if (candidate.startsWith(guarded) || guarded.startsWith(candidate)) {
            String relation = candidate.equals(guarded) ? "is " + p.name()
                : candidate.startsWith(guarded) ? "lies inside " + p.name() : "holds " + p.name();
            throw new UnsafeOutputException("refusing to " + verb + " '" + shown + "': it " + relation
                + ", which opsbook must never overwrite", "use a folder of its own, such as " + example);
          }
        }
      }
    }
    if (Files.isSymbolicLink(abs)) {
      String target;
      try {
        target = Files.readSymbolicLink(abs).toString();
      } catch (IOException e) {
        target = "?";
      }
      throw new UnsafeOutputException("refusing to " + verb + " '" + shown + "': it is a symbolic link (to " + target
          + "), and opsbook writes only into a real folder", "give the folder the link points to");
    }
    if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
      throw new UnsafeOutputException("refusing to " + verb + " '" + shown + "': it is a file, not a folder",
          "name a folder, such as " + example);
    }
    return abs;
  }

  /** The files and links below an output folder that its manifest does not list, sorted. */
  private static List<String> foreignFiles(Path folder, Set<String> listed) throws IOException {
    List<String> foreign = new ArrayList<>();
    Files.walkFileTree(folder, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String rel = folder.relativize(file).toString().replace('\\', '/');
        boolean ours = attrs.isRegularFile()
            && (listed.contains(rel) || OutputManifest.isBookkeeping(rel)
                // opsbook publish writes a .gz beside each text file it compresses.
                || (rel.endsWith(".gz") && listed.contains(rel.substring(0, rel.length() - 3))));
        if (!ours) {
          foreign.add(rel + (attrs.isSymbolicLink() ? " (a symbolic link)" : attrs.isRegularFile() ? "" : " (not a file)"));
        }
        return FileVisitResult.CONTINUE;
      }
    });
    foreign.sort(null);
    return foreign;
  }

  private static List<String> entries(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String names(List<String> foreign) {
    String shown = String.join(", ", foreign.subList(0, Math.min(NAMED, foreign.size())));
    return foreign.size() > NAMED ? shown + " and " + (foreign.size() - NAMED) + " more" : shown;
  }

  /** The folder as the user wrote it, else relative to the project when inside it. */
  private String shown(String asWritten, Path abs) {
    if (asWritten != null) {
      return asWritten;
    }
    return abs.startsWith(projectRoot) && !abs.equals(projectRoot) ? projectRoot.relativize(abs).toString() : abs.toString();
  }

  /** The path with symbolic links resolved as far as it exists; the rest appended as written. */
  static Path resolved(Path abs) {
    Path existing = abs;
    Path rest = null;
    while (existing != null && !Files.exists(existing)) {
      Path name = existing.getFileName();
      rest = rest == null ? name : name.resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      Path real = existing.toRealPath();
      return rest == null ? real : real.resolve(rest).normalize();
    } catch (IOException e) {
      return abs;
    }
  }
}

package org.opsbook.content;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.opsbook.check.CoreRules;
import org.opsbook.diag.Diagnostic;
import org.opsbook.diag.IoReason;
import org.opsbook.diag.SourceSpan;

/**
 * Lists the files of a content folder without ever reading outside it. A symbolic link is followed
 * only when what it points to lies inside the content folder; one that leads out (to {@code
 * /etc/passwd}, to {@code /proc/self/environ}, which holds a CI job's secrets, or to a folder
 * elsewhere) is an error at the link, and nothing is read through it. A folder that cannot be read,
 * a broken link and a link loop are reported too; hidden files and folders are skipped, as before.
 *
 * @see <a href="https://git-scm.com/docs/git-config#Documentation/git-config.txt-coresymlinks">git
 *     checks symbolic links out as links, so a contributor can add one to content/</a>
 */
final class ContentWalk {
  /** The walk's result: regular files in sorted order, and the problems met. */
  record Result(List<Path> files, List<Diagnostic> problems) {}

  private final Path contentDir;
  private final String displayPrefix;

  ContentWalk(Path contentDir, String displayPrefix) {
    this.contentDir = contentDir;
    this.displayPrefix = displayPrefix;
  }

  /** A folder to list: where it is as published, where it really is, and the folder it was reached from. */
  private record Folder(Path path, Path real, Folder parent) {
    boolean isWithin(Path realFolder) {
      for (Folder f = this; f != null; f = f.parent) {
        if (f.real.equals(realFolder)) {
          return true;
        }
      }
      return false;
    }
  }

  Result run() throws IOException {
    Path realContent = contentDir.toRealPath();
    List<Path> files = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    Deque<Folder> folders = new ArrayDeque<>();
    folders.push(new Folder(contentDir, realContent, null));
    drain(folders, realContent, files, problems);
    files.sort(null);
    return new Result(files, problems);
  }

  /**
   * What {@link #run()} lists at or below {@code under}, a file or folder inside the content
   * folder, with the problems met there: for a caller that re-reads only what changed. Below a
   * symbolic link the whole folder is walked, so the link is judged as {@link #run()} judges it.
   */
  Result run(Path under) throws IOException {
    Result none = new Result(List.of(), List.of());
    if (under.equals(contentDir)) {
      return run();
    }
    if (!under.startsWith(contentDir)) {
      return none;
    }
    Path realContent = contentDir.toRealPath();
    Path rel = contentDir.relativize(under);
    Folder parent = new Folder(contentDir, realContent, null);
    for (int i = 0; i < rel.getNameCount(); i++) {
      Path name = rel.getName(i);
      if (name.toString().startsWith(".")) {
        return none;
      }
      if (i == rel.getNameCount() - 1) {
        break;
      }
      Path folder = parent.path().resolve(name);
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        return none;
      } catch (IOException e) {
        return below(run(), under);
      }
      if (attrs.isSymbolicLink()) {
        return below(run(), under);
      }
      if (!attrs.isDirectory()) {
        return none;
      }
      parent = new Folder(folder, parent.real().resolve(name), parent);
    }
    if (!Files.exists(under, LinkOption.NOFOLLOW_LINKS)) {
      return none;
    }
    List<Path> files = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    Deque<Folder> folders = new ArrayDeque<>();
    visit(under, parent, realContent, folders, files, problems);
    drain(folders, realContent, files, problems);
    files.sort(null);
    return new Result(files, problems);
  }

  /** The part of a whole walk at or below {@code under}. */
  private Result below(Result all, Path under) {
    String shown = shown(under);
    return new Result(all.files().stream().filter(f -> f.startsWith(under)).toList(),
        all.problems().stream().filter(d -> isAtOrBelow(d.where().file(), shown)).toList());
  }

  /** Whether a problem named {@code file} was met at or below the path shown as {@code shown}. */
  static boolean isAtOrBelow(String file, String shown) {
    return file.equals(shown) || file.startsWith(shown + "/");
  }

  private void drain(Deque<Folder> folders, Path realContent, List<Path> files, List<Diagnostic> problems) {
    while (!folders.isEmpty()) {
      Folder current = folders.pop();
      Path folder = current.path();
      List<Path> entries = new ArrayList<>();
      try (DirectoryStream<Path> list = Files.newDirectoryStream(folder)) {
        list.forEach(entries::add);
      } catch (IOException e) {
        problems.add(error(CoreRules.IO, folder,
            "cannot read this folder (" + IoReason.of(e) + "); its files are left out",
            "make it readable (chmod a+rx), or move it out of the content folder"));
        continue;
      }
      entries.sort(null);
      for (Path entry : entries) {
        if (!entry.getFileName().toString().startsWith(".")) {
          visit(entry, current, realContent, folders, files, problems);
        }
      }
    }
  }

  private void visit(Path entry, Folder current, Path realContent, Deque<Folder> folders, List<Path> files,
      List<Diagnostic> problems) {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      problems.add(error(CoreRules.IO, entry, "cannot read (" + IoReason.of(e) + ")", null));
      return;
    }
    if (attrs.isSymbolicLink()) {
      followLink(entry, current, realContent, folders, files, problems);
    } else if (attrs.isDirectory()) {
      folders.push(new Folder(entry, current.real().resolve(entry.getFileName()), current));
    } else if (attrs.isRegularFile()) {
      files.add(entry);
    } else {
      problems.add(error(CoreRules.IO, entry, "is not a regular file (a pipe, socket or device); it is left out",
          "remove it from the content folder"));
    }
  }

  private void followLink(Path link, Folder from, Path realContent, Deque<Folder> folders, List<Path> files,
      List<Diagnostic> problems) {
    String target;
    try {
      target = Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      target = "?";
    }
    Path real;
    try {
      real = link.toRealPath();
    } catch (NoSuchFileException e) {
      problems.add(error(CoreRules.SYMLINK, link, "is a symbolic link to " + target + ", which does not exist",
          "fix or remove the link"));
      return;
    } catch (IOException e) {
      problems.add(error(CoreRules.SYMLINK, link, "is a symbolic link (to " + target + ") that cannot be"
          + " followed (" + IoReason.of(e) + "); nothing is read through it", "remove the link"));
      return;
    }
    if (!real.startsWith(realContent)) {
      problems.add(error(CoreRules.SYMLINK, link, "is a symbolic link to " + real + ", outside the content folder;"
          + " nothing is read through it", "copy what belongs to the site into the content folder and remove the link"));
      return;
    }
    if (Files.isDirectory(real)) {
      if (from.isWithin(real)) {
        problems.add(error(CoreRules.SYMLINK, link, "is a symbolic link to a folder that contains it ("
            + displayOf(real, realContent) + "); following it would never end, so it is not followed",
            "remove the link"));
      } else {
        folders.push(new Folder(link, real, from));
      }
    } else if (Files.isRegularFile(real)) {
      files.add(link);
    }
  }

  private String displayOf(Path real, Path realContent) {
    String rel = realContent.relativize(real).toString().replace('\\', '/');
    return rel.isEmpty() ? displayPrefix : displayPrefix.isEmpty() ? rel : displayPrefix + "/" + rel;
  }

  private Diagnostic error(org.opsbook.diag.RuleId rule, Path path, String message, String hint) {
    return CoreRules.diagnostic(rule, new SourceSpan(shown(path), 1, 1), message, hint);
  }

  /** How diagnostics name a path inside the content folder. */
  String shown(Path path) {
    String rel = contentDir.relativize(path).toString().replace('\\', '/');
    return displayPrefix.isEmpty() ? rel : displayPrefix + "/" + rel;
  }
}

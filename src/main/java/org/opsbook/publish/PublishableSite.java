package org.opsbook.publish;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, before anything is compressed or uploaded, that a built site holds nothing that leads
 * out of it: a symbolic link to {@code /etc/passwd} or {@code /proc/self/environ} placed in
 * {@code site/} would otherwise be copied (or, over rsync, recreated on the web server, which then
 * serves the target). A link that stays inside the site is published as the file it points to.
 * Pipes, sockets and devices are refused too.
 */
final class PublishableSite {
  private PublishableSite() {}

  static void check(Path site) throws PublishException {
    List<String> problems = new ArrayList<>();
    try {
      Path realSite = site.toRealPath();
      Files.walkFileTree(site, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String rel = site.relativize(file).toString();
          if (attrs.isSymbolicLink()) {
            try {
              Path real = file.toRealPath();
              if (!real.startsWith(realSite)) {
                problems.add(rel + " is a symbolic link to " + real + ", outside the site");
              } else if (Files.isDirectory(real)) {
                problems.add(rel + " is a symbolic link to a folder");
              }
            } catch (IOException e) {
              problems.add(rel + " is a symbolic link that cannot be followed (" + e.getMessage() + ")");
            }
          } else if (!attrs.isRegularFile() && !attrs.isDirectory()) {
            problems.add(rel + " is not a regular file");
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          // A file that went away while the walk ran is not part of the site: while this publish
          // checks, another one of the same site that holds the lock renames its temporary .gz
          // files into place.
          if (e instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
          }
          problems.add(site.relativize(file) + " cannot be read (" + e.getMessage() + ")");
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw PublishException.failed("cannot read " + site + ": " + e.getMessage(), e);
    }
    if (!problems.isEmpty()) {
      throw PublishException.refused("refusing to publish " + site + ": " + String.join("; ", problems)
          + "; nothing was uploaded. opsbook build writes no links: remove them and build again");
    }
  }
}

package org.opsbook.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opsbook.cli.Main;

/**
 * A small project in a temporary folder, built once so that a previous site exists, for running
 * the command line the way a careless author, a hostile contributor or a CI operator would. It
 * records every file of the project, and of the previous site, so a test can check that a run
 * touched nothing it must not.
 */
final class HostileProject {
  /** What a run printed and returned. */
  record Run(int exit, String out, String err) {
    String all() {
      return out + err;
    }

    /** Exit code, a message, and never a stack trace or an internal error. */
    Run expect(int code, String... fragments) {
      assertEquals(code, exit, all());
      for (String f : fragments) {
        assertTrue(all().contains(f), "expected '" + f + "' in:\n" + all());
      }
      assertFalse(all().contains("\tat ") || all().contains("Exception in") || all().contains("internal error"), all());
      return this;
    }
  }

  private final Path root;
  private Map<String, String> project;
  private Map<String, String> site;

  private HostileProject(Path root) {
    this.root = root;
  }

  /** A project with one article and one page, its site built into {@code site/}. */
  static HostileProject create(Path dir) throws IOException {
    Files.createDirectories(dir);
    HostileProject p = new HostileProject(dir.toRealPath());
    p.write("opsbook.yaml", "title: Hostile\nbase_url: https://docs.example.org/\n");
    p.article("first", "First", "Some text and a [link](../second/).\n");
    p.article("second", "Second", "More text.\n");
    p.write("content/about.md", "---\ntitle: About\n---\nAbout this site.\n");
    Files.createDirectories(p.root.resolve(".git/objects"));
    p.write(".git/HEAD", "ref: refs/heads/main\n");
    p.write("themes/README", "themes live here\n");
    p.write("layouts/README", "overrides live here\n");
    p.run("build").expect(0);
    p.remember();
    return p;
  }

  Path root() {
    return root;
  }

  Path path(String rel) {
    return root.resolve(rel);
  }

  HostileProject write(String rel, String text) throws IOException {
    Path file = root.resolve(rel);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return this;
  }

  HostileProject writeBytes(String rel, byte[] bytes) throws IOException {
    Path file = root.resolve(rel);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return this;
  }

  HostileProject article(String slug, String title, String body) throws IOException {
    return write("content/articles/" + slug + "/index.md", "---\ntitle: \"" + title + "\"\ndate: 2026-02-03\n---\n" + body);
  }

  /** Runs {@code opsbook -C <project> ARGS...} in this JVM. */
  Run run(String... args) {
    List<String> all = new ArrayList<>(List.of("-C", root.toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  /** Takes the current state as the one later runs must keep: the project, and the site in {@code site/}. */
  void remember() throws IOException {
    project = snapshot(root, "site");
    site = Files.isDirectory(root.resolve("site")) ? snapshot(root.resolve("site"), null) : Map.of();
  }

  /** Nothing of the project outside {@code site/} changed: no file added, removed or altered. */
  void assertProjectUnchanged() throws IOException {
    assertEquals(project, snapshot(root, "site"), "the project changed");
  }

  /** The previous site is still there, byte for byte. */
  void assertPreviousSiteSurvived() throws IOException {
    assertEquals(site, snapshot(root.resolve("site"), null), "the previous site changed");
  }

  void assertUntouched() throws IOException {
    assertProjectUnchanged();
    assertPreviousSiteSurvived();
  }

  /** Every file and link below {@code dir} (not following links) with a hash of its content. */
  static Map<String, String> snapshot(Path dir, String skipTopLevel) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return files;
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        if (skipTopLevel != null && d.equals(dir.resolve(skipTopLevel))) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        files.put(dir.relativize(d) + "/", "dir");
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
        String rel = dir.relativize(f).toString();
        if (skipTopLevel != null && rel.equals(skipTopLevel)) {
          return FileVisitResult.CONTINUE;
        }
        files.put(rel, attrs.isSymbolicLink() ? "link:" + Files.readSymbolicLink(f) : hash(Files.readAllBytes(f)));
        return FileVisitResult.CONTINUE;
      }
    });
    return files;
  }

  /** The text of every file below {@code dir}, for looking for what must not be there. */
  static String allText(Path dir) throws IOException {
    StringBuilder b = new StringBuilder();
    try (var walk = Files.walk(dir)) {
      for (Path f : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        b.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
      }
    }
    return b.toString();
  }

  private static String hash(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

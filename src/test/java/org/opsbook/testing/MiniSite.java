package org.opsbook.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small projects into a temporary folder for end-to-end tests. */
public final class MiniSite {
  private final Path root;

  public MiniSite(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public MiniSite file(String path, String text) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return this;
  }

  public MiniSite article(String slug, String frontMatterExtra, String body) throws IOException {
    return file("content/articles/" + slug + "/index.md",
        "---\ntitle: \"Article " + slug + "\"\ndate: 2026-02-03\n" + frontMatterExtra + "---\n" + body);
  }

  /** The project root of the repository, for tests that build its own content. */
  public static Path repositoryRoot() {
    String configured = System.getProperty("opsbook.root");
    return configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
  }
}

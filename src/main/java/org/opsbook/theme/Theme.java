package org.opsbook.theme;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opsbook.content.ProjectBoundary;
import org.opsbook.diag.IoReason;

/**
 * The theme of a build: an ordered list of {@link ThemeRoot}s, searched first to last for every
 * template and asset.
 *
 * <ol>
 *   <li>{@code layouts/} in the project (templates) and {@code layouts/static/} (assets): the
 *       site's own overrides of single files;
 *   <li>{@code themes/<theme>/templates/} and {@code themes/<theme>/static/} in the project;
 *   <li>the default theme built into opsbook, for anything the others lack.
 * </ol>
 */
public final class Theme {
  private static final String BUILT_IN = "opsbook/themes/default";

  private final List<ThemeRoot> roots;

  private Theme(List<ThemeRoot> roots) {
    this.roots = List.copyOf(roots);
  }

  public static Theme of(List<ThemeRoot> roots) {
    return new Theme(roots);
  }

  /**
   * Finds the theme of a project.
   *
   * @param projectRoot the folder with {@code opsbook.yaml}
   * @param themeName the {@code theme:} setting
   * @throws ThemeException when a theme other than {@code default} is named but absent
   */
  public static Theme load(Path projectRoot, String themeName) throws ThemeException {
    List<ThemeRoot> roots = new ArrayList<>();
    Path layouts = projectRoot.resolve("layouts");
    if (Files.isDirectory(layouts)) {
      refuseLinksOut(layouts, projectRoot);
      roots.add(new ThemeRoot("layouts", layouts, layouts.resolve("static")));
    }
    Path themeDir = projectRoot.resolve("themes").resolve(themeName);
    if (Files.isDirectory(themeDir)) {
      refuseLinksOut(themeDir, projectRoot);
      roots.add(new ThemeRoot("themes/" + themeName, themeDir.resolve("templates"), themeDir.resolve("static")));
    } else if (!themeName.equals("default")) {
      throw new ThemeException("opsbook.yaml", 1, "theme '" + themeName + "' is not in themes/" + themeName
          + "; create that folder or set 'theme: default'", null);
    }
    builtIn().ifPresent(roots::add);
    if (roots.isEmpty()) {
      throw new ThemeException("opsbook.yaml", 1, "no theme found: themes/default is missing and opsbook has no built-in copy", null);
    }
    return new Theme(roots);
  }

  /**
   * A theme folder of the project is read whole: its templates include one another by name and its
   * static files are published. One that is, or holds, a symbolic link out of the project would
   * put a file from elsewhere on the build machine into the site.
   */
  private static void refuseLinksOut(Path folder, Path projectRoot) throws ThemeException {
    Optional<ProjectBoundary.Escape> escape;
    try {
      escape = ProjectBoundary.escapeBelow(folder, projectRoot);
    } catch (IOException e) {
      throw new ThemeException(shown(folder, projectRoot), 1, "cannot read the theme folder: " + IoReason.of(e), e);
    }
    if (escape.isPresent()) {
      throw ThemeException.linkOut(shown(escape.get().path(), projectRoot), escape.get().describe("the project"));
    }
  }

  private static String shown(Path path, Path projectRoot) {
    return projectRoot.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize()).toString()
        .replace('\\', '/');
  }

  private static Optional<ThemeRoot> builtIn() throws ThemeException {
    URL marker = Theme.class.getClassLoader().getResource(BUILT_IN + "/templates/base.peb");
    if (marker == null) {
      return Optional.empty();
    }
    try {
      URI uri = marker.toURI();
      Path base;
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        base = fs.getPath("/" + BUILT_IN);
      } else {
        base = Path.of(uri).getParent().getParent();
      }
      return Optional.of(new ThemeRoot("built-in default theme", base.resolve("templates"), base.resolve("static")));
    } catch (URISyntaxException | IOException e) {
      throw new ThemeException("opsbook.yaml", 1, "cannot open the built-in theme: " + e.getMessage(), e);
    }
  }

  public List<ThemeRoot> roots() {
    return roots;
  }

  /**
   * A digest of every template of every root and of the published asset names (which carry their
   * content hashes): two builds with the same fingerprint render pages the same way.
   */
  public String fingerprint(AssetCatalogue assets) throws ThemeException {
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      for (ThemeRoot root : roots) {
        digest.update(root.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!Files.isDirectory(root.templates())) {
          continue;
        }
        try (java.util.stream.Stream<Path> files = Files.list(root.templates())) {
          for (Path p : files.sorted().toList()) {
            digest.update(p.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(p));
          }
        }
      }
      for (AssetCatalogue.Asset a : assets.all()) {
        digest.update(a.publishedPath().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new ThemeException("themes", 1, "cannot read the theme's templates: " + e.getMessage(), e);
    }
  }

  /** The first root that has the template, with its file. */
  public Optional<Path> template(String name) {
    for (ThemeRoot root : roots) {
      Optional<Path> p = root.template(name);
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }
}

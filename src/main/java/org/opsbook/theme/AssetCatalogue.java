package org.opsbook.theme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The theme's static files, merged across roots (the first root to have a path wins), each
 * published under a name with a hash of its content ({@code css/site.3f2a9c1b.css}) so servers can
 * cache it for a year.
 */
public final class AssetCatalogue {
  /** An asset: where it is published and its bytes. */
  public record Asset(String sourcePath, String publishedPath, byte[] bytes) {}

  private final Map<String, Asset> bySource;

  private AssetCatalogue(Map<String, Asset> bySource) {
    this.bySource = Collections.unmodifiableMap(bySource);
  }

  public static AssetCatalogue load(Theme theme) throws ThemeException {
    Map<String, Asset> assets = new TreeMap<>();
    List<ThemeRoot> roots = theme.roots();
    for (ThemeRoot root : roots) {
      if (!Files.isDirectory(root.statics())) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root.statics())) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          String rel = root.statics().relativize(p).toString().replace('\\', '/');
          if (assets.containsKey(rel) || rel.startsWith(".") || rel.contains("/.")) {
            continue;
          }
          if (Files.isSymbolicLink(p) && !p.toRealPath().startsWith(root.statics().toRealPath())) {
            // A theme or layouts/ folder in the project must not publish a file from elsewhere (/proc/self/environ).
            throw ThemeException.linkOut(root.name() + "/" + rel, "static file " + rel + " of " + root.name()
                + " is a symbolic link to " + p.toRealPath() + ", outside the theme; it is not published");
          }
          byte[] bytes = Files.readAllBytes(p);
          assets.put(rel, new Asset(rel, hashedName(rel, bytes), bytes));
        }
      } catch (IOException e) {
        throw new ThemeException(root.name(), 1, "cannot read static files of " + root.name() + ": " + e.getMessage(), e);
      }
    }
    return new AssetCatalogue(assets);
  }

  /** The published path of an asset, such as {@code css/site.3f2a9c1b.css}. */
  public Optional<String> published(String sourcePath) {
    Asset a = bySource.get(sourcePath);
    return a == null ? Optional.empty() : Optional.of(a.publishedPath());
  }

  public Optional<Asset> asset(String sourcePath) {
    return Optional.ofNullable(bySource.get(sourcePath));
  }

  public List<Asset> all() {
    return List.copyOf(bySource.values());
  }

  static String hashedName(String rel, byte[] bytes) {
    String hash;
    try {
      hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    int slash = rel.lastIndexOf('/');
    int dot = rel.lastIndexOf('.');
    if (dot <= slash + 1) {
      return rel + "." + hash;
    }
    return rel.substring(0, dot) + "." + hash + rel.substring(dot);
  }
}

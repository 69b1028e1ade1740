package org.opsbook.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a {@code .gz} sibling next to every text asset of a site, for nginx's {@code gzip_static}
 * and Apache's precompressed-file rules. The files are reproducible: the same input gives the same
 * bytes, because Java's gzip header carries modification time 0 and no file name (RFC 1952 §2.3).
 *
 * <p>No {@code .br} files: the only maintained Java Brotli encoder binds a native library per
 * platform, which this tool does not ship.
 */
public final class Precompressor {
  /** Extensions worth compressing; images and fonts are compressed already. */
  static final Set<String> TEXT_EXTENSIONS =
      Set.of("html", "htm", "css", "js", "mjs", "json", "xml", "txt", "svg", "map", "atom", "rss", "webmanifest");
  /** Below this size gzip's header eats the saving. */
  static final int MIN_SIZE = 256;

  /** Compresses every text file under {@code site}; returns how many {@code .gz} files it wrote. */
  public int precompress(Path site) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(site)) {
      files = walk.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).filter(Precompressor::isText)
          .sorted().toList();
    }
    int written = 0;
    for (Path file : files) {
      byte[] plain = Files.readAllBytes(file);
      Path sibling = file.resolveSibling(file.getFileName() + ".gz");
      byte[] packed = plain.length < MIN_SIZE ? null : gzip(plain);
      if (packed != null && packed.length < plain.length) {
        FileTrees.replace(sibling, packed);
        written++;
      } else {
        Files.deleteIfExists(sibling);
      }
    }
    return written;
  }

  static boolean isText(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && !name.startsWith(".opsbook") && TEXT_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** Gzip at the best compression level, header mtime 0. */
  static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(plain.length / 3 + 64);
    try (OutputStream out = new BestGzip(bytes)) {
      out.write(plain);
    }
    return bytes.toByteArray();
  }

  /** The names of the {@code .gz} files under a folder, sorted; for reports and tests. */
  static Set<String> gzipped(Path site) throws IOException {
    try (Stream<Path> walk = Files.walk(site)) {
      return walk.map(p -> site.relativize(p).toString())
          .filter(n -> n.endsWith(".gz"))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  private static final class BestGzip extends GZIPOutputStream {
    BestGzip(OutputStream out) throws IOException {
      super(out, 8192);
      def.setLevel(Deflater.BEST_COMPRESSION);
    }
  }
}

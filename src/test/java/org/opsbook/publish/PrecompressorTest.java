package org.opsbook.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecompressorTest {
  @TempDir Path tmp;

  @Test
  void writesGzSiblingsForTextAssetsOnly() throws IOException {
    Path site = SiteFixture.write(tmp.resolve("site"), "v1");
    Files.writeString(site.resolve("tiny.txt"), "ok\n");
    int written = new Precompressor().precompress(site);
    assertEquals(Set.of("articles/hsts/index.html.gz", "assets/site.3f2a9c.css.gz", "index.html.gz"), Precompressor.gzipped(site));
    assertEquals(3, written);
  }

  @Test
  void siblingsDecompressToTheOriginalBytes() throws IOException {
    Path site = SiteFixture.write(tmp.resolve("site"), "v1");
    new Precompressor().precompress(site);
    byte[] original = Files.readAllBytes(site.resolve("index.html"));
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(site.resolve("index.html.gz"))))) {
      assertArrayEquals(original, in.readAllBytes());
    }
  }

  @Test
  void gzipHeaderHasModificationTimeZeroAndOutputIsReproducible() throws IOException {
    Path site = SiteFixture.write(tmp.resolve("site"), "v1");
    new Precompressor().precompress(site);
    byte[] first = Files.readAllBytes(site.resolve("index.html.gz"));
    // RFC 1952: bytes 4-7 are MTIME, little-endian; 0 means "no time stamp".
    assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0}, java.util.Arrays.copyOf(first, 8));
    Files.setLastModifiedTime(site.resolve("index.html"), java.nio.file.attribute.FileTime.fromMillis(12345678L));
    new Precompressor().precompress(site);
    assertArrayEquals(first, Files.readAllBytes(site.resolve("index.html.gz")));
  }
}

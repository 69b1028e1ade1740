package org.opsbook.checker.postfix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code postmap -q} against a table file, with a private config directory. */
final class PostmapOracle implements AutoCloseable {
  /** What postmap printed and how it exited. */
  record Answer(String stdout, String stderr, int exit) {}

  private final Path configDir;

  private PostmapOracle(Path configDir) {
    this.configDir = configDir;
  }

  static boolean available() {
    for (String dir : new String[] {"/usr/sbin", "/usr/bin", "/sbin", "/bin"}) {
      if (Files.isExecutable(Path.of(dir, "postmap"))) {
        return true;
      }
    }
    return false;
  }

  /** A minimal main.cf in a temp dir: no mail system is started, postmap only reads tables. */
  static PostmapOracle start() throws IOException {
    Path dir = Files.createTempDirectory("opsbook-postmap");
    Files.writeString(dir.resolve("main.cf"), "compatibility_level = 3.6\n", StandardCharsets.UTF_8);
    return new PostmapOracle(dir);
  }

  Path configDir() {
    return configDir;
  }

  /** Whether postmap can open a map of this type (postfix-pcre installs pcre:). */
  boolean supports(String mapType) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("postconf", "-c", configDir.toString(), "-m").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out.lines().anyMatch(mapType::equals);
  }

  Answer query(String mapType, Path table, String key) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("postmap", "-c", configDir.toString(), "-q", key,
        mapType + ":" + table.toAbsolutePath()));
    Process p = new ProcessBuilder(cmd).start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("postmap did not finish for key " + key);
    }
    return new Answer(new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8), p.exitValue());
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(configDir.resolve("main.cf"));
    Files.deleteIfExists(configDir);
  }
}

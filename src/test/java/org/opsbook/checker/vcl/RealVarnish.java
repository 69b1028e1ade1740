package org.opsbook.checker.vcl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The installed Varnish 7.1 as an oracle: {@code varnishd -C -f FILE -n DIR} for compile
 * verdicts, in a scratch folder named {@code ob-vcl-*} that the caller deletes. varnishd reads the
 * VCL after dropping privileges, so folder and file are made readable by all.
 */
final class RealVarnish implements AutoCloseable {
  private static final Pattern WHERE = Pattern.compile("\\('([^']*)' Line (\\d+) Pos (\\d+)\\)");
  private static final Random PORTS = new Random();

  private final Path varnishd;
  private final Path dir;

  private RealVarnish(Path varnishd, Path dir) {
    this.varnishd = varnishd;
    this.dir = dir;
  }

  /** Why varnishd cannot be used here, or {@code null} when it can. */
  static String unavailableReason() {
    if (find("varnishd") == null) {
      return "varnishd is not installed (.ci/install-tools installs varnish)";
    }
    return null;
  }

  /**
   * A scratch folder in the system's temporary folder (a test's own temporary folder is private to
   * its user, and varnishd reads the VCL as another user). {@link #close} deletes it.
   */
  static RealVarnish open() throws IOException {
    Path dir = Files.createTempDirectory("ob-vcl-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new RealVarnish(find("varnishd"), dir);
  }

  @Override
  public void close() throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  Path dir() {
    return dir;
  }

  static Path find(String name) {
    for (String d : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")) {
      Path p = Path.of(d, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /**
   * What VCC says about a VCL text.
   *
   * @param refused whether the VCL is refused
   * @param source the file VCC's first location names ({@code <builtin>} or the file), or null
   * @param line the line of VCC's first location, or -1 when its message names none
   */
  record Verdict(boolean refused, String source, int line, String message) {}

  /**
   * Compiles {@code vcl}. With {@code withCompiler} false, varnishd's C compiler step is replaced
   * by a command that makes no object file: the VCC verdict is the same, and varnishd then fails
   * at loading the object, which is told apart from a VCC failure by its message.
   */
  Verdict compile(String vcl, boolean withCompiler) throws IOException, InterruptedException {
    Path file = dir.resolve("test.vcl");
    Files.writeString(file, vcl, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    List<String> cmd = new ArrayList<>(List.of(varnishd.toString(), "-C"));
    if (!withCompiler) {
      cmd.addAll(List.of("-p", "cc_command=exec true %o %s"));
    }
    cmd.addAll(List.of("-f", file.toString(), "-n", dir.resolve("work").toString()));
    Path out = dir.resolve("out.txt");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("varnishd -C timed out");
    }
    String text = Files.readString(out, StandardCharsets.ISO_8859_1);
    boolean vccFailed = text.contains("Running VCC-compiler failed");
    boolean refused = withCompiler ? p.exitValue() != 0 : vccFailed;
    if (!refused) {
      if (withCompiler || text.contains("Running dlopen failed") || p.exitValue() == 0) {
        return new Verdict(false, null, -1, "");
      }
      throw new IOException("varnishd failed in an unexpected way:\n" + text.substring(0, Math.min(2000, text.length())));
    }
    String message = text.contains("Message from VCC-compiler:")
        ? text.substring(text.indexOf("Message from VCC-compiler:") + 27) : text;
    message = message.substring(0, Math.min(message.length(), 2000));
    Matcher m = WHERE.matcher(message);
    if (m.find()) {
      String source = m.group(1).equals("<builtin>") ? "<builtin>" : "file";
      return new Verdict(true, source, Integer.parseInt(m.group(2)), message);
    }
    return new Verdict(true, null, -1, message);
  }

  /** A port in 20000-60000 that nothing on 127.0.0.1 listens on right now. */
  static int randomPort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = 20000 + PORTS.nextInt(40001);
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
        s.setReuseAddress(true);
        return port;
      } catch (IOException busy) {
        // try another
      }
    }
    throw new IOException("no free port in 20000-60000");
  }
}

package org.opsbook.checker.vcl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A varnishd started for one VCL on 127.0.0.1: a PROXY-protocol listener on a random port (so a
 * test can say which client address a request comes from), malloc storage, the Hash records in
 * its log, a work folder in the caller's scratch folder. {@link #close} stops it.
 */
final class LiveVarnish implements AutoCloseable {
  private final Process process;
  private final Path work;
  private final int port;
  private final Path log;

  private LiveVarnish(Process process, Path work, int port, Path log) {
    this.process = process;
    this.work = work;
    this.port = port;
    this.log = log;
  }

  /** Starts varnishd with {@code vclFile}; retries on a port another process took meanwhile. */
  static LiveVarnish start(Path scratch, Path vclFile, String name) throws IOException, InterruptedException {
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = RealVarnish.randomPort();
      Path work = scratch.resolve("ob-vcl-work-" + name);
      Path log = scratch.resolve("ob-vcl-" + name + ".log");
      List<String> cmd = List.of(RealVarnish.find("varnishd").toString(), "-F", "-n", work.toString(),
          "-a", "127.0.0.1:" + port + ",PROXY", "-f", vclFile.toString(), "-s", "malloc,16m",
          "-T", "127.0.0.1:0", "-p", "vsl_mask=+Hash", "-i", "ob-vcl-" + name,
          // Nothing is kept, so a request asked twice goes to the backend twice and the log names it.
          "-p", "default_ttl=0", "-p", "default_grace=0", "-p", "default_keep=0");
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
      while (System.nanoTime() < deadline && p.isAlive()) {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress("127.0.0.1", port), 200);
          return new LiveVarnish(p, work, port, log);
        } catch (IOException notYet) {
          Thread.sleep(100);
        }
      }
      stop(p);
      last = new IOException("varnishd did not start: " + Files.readString(log, StandardCharsets.ISO_8859_1));
    }
    throw last;
  }

  /** Sends one request behind a PROXY v1 line; returns the whole response (Connection: close). */
  String send(byte[] client, byte[] server, int serverPort, String request) throws IOException {
    String family = client.length == 4 ? "TCP4" : "TCP6";
    if (server.length != client.length) {
      server = client.length == 4 ? new byte[] {(byte) 192, 0, 2, (byte) 254} : new byte[16];
    }
    String proxy = "PROXY " + family + " " + org.opsbook.checker.vcl.model.Addresses.format(client) + " "
        + org.opsbook.checker.vcl.model.Addresses.format(server) + " 40000 " + serverPort + "\r\n";
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      s.setSoTimeout(10000);
      OutputStream out = s.getOutputStream();
      out.write((proxy + request).getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      byte[] b = new byte[8192];
      for (int n = in.read(b); n >= 0; n = in.read(b)) {
        buf.write(b, 0, n);
      }
      return buf.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** The shared-memory log of every request so far, grouped by request (varnishlog -d -g request). */
  String requestLog() throws IOException, InterruptedException {
    Path out = work.resolveSibling(work.getFileName() + ".vsl");
    Process p = new ProcessBuilder(RealVarnish.find("varnishlog").toString(), "-d", "-g", "request", "-n",
        work.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("varnishlog timed out");
    }
    return Files.readString(out, StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws InterruptedException {
    stop(process);
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(15, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(5, TimeUnit.SECONDS);
    }
  }

  static void readable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
  }
}

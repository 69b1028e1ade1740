package org.opsbook.publish;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway sshd on a free 127.0.0.1 port: its own host key, one client key, its own config and
 * pid file in a temporary folder. Touches nothing of the host's own sshd.
 */
final class LoopbackSshd implements AutoCloseable {
  private static final Path SSHD = Path.of("/usr/sbin/sshd");

  final Path dir;
  final int port;
  final Path clientKey;
  private final Process process;

  private LoopbackSshd(Path dir, int port, Path clientKey, Process process) {
    this.dir = dir;
    this.port = port;
    this.clientKey = clientKey;
    this.process = process;
  }

  /** Starts sshd, or says why it cannot run here. */
  static Result start(Path dir) throws IOException, InterruptedException {
    if (!Files.isExecutable(SSHD)) {
      return Result.skip(SSHD + " is not installed (Debian package openssh-server)");
    }
    for (String tool : List.of("ssh", "ssh-keygen", "rsync")) {
      if (!onPath(tool)) {
        return Result.skip(tool + " is not installed");
      }
    }
    Path hostKey = dir.resolve("host_ed25519");
    Path clientKey = dir.resolve("client_ed25519");
    for (Path key : List.of(hostKey, clientKey)) {
      Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
          .redirectErrorStream(true).start();
      if (keygen.waitFor() != 0) {
        return Result.skip("ssh-keygen failed: " + new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    Files.copy(dir.resolve("client_ed25519.pub"), dir.resolve("authorized_keys"));
    int port = freePort();
    Path config = dir.resolve("sshd_config");
    Files.writeString(config, String.join("\n",
        "Port " + port,
        "ListenAddress 127.0.0.1",
        "HostKey " + hostKey,
        "PidFile " + dir.resolve("sshd.pid"),
        "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
        // The key files live in a temp folder whose parents sshd would otherwise inspect.
        "StrictModes no",
        "UsePAM no",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "PermitRootLogin prohibit-password",
        "") );
    Path log = dir.resolve("sshd.log");
    Process sshd = new ProcessBuilder(command(config)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!sshd.isAlive()) {
        return Result.skip("sshd exited with " + sshd.exitValue() + ": " + Files.readString(log).strip());
      }
      if (listening(port)) {
        return new Result(Optional.of(new LoopbackSshd(dir, port, clientKey, sshd)), "");
      }
      Thread.sleep(50);
    }
    sshd.destroyForcibly();
    return Result.skip("sshd did not listen on 127.0.0.1:" + port + " within 10 s: " + Files.readString(log).strip());
  }

  /**
   * sshd as root insists on its privilege-separation folder /run/sshd, which the package creates
   * only when its service starts (CI installs it with service starts refused). Rather than create
   * it on the host, run sshd in a private mount namespace with its own empty /run.
   */
  private static List<String> command(Path config) {
    List<String> direct = List.of(SSHD.toString(), "-D", "-e", "-f", config.toString());
    boolean root = "root".equals(System.getProperty("user.name"));
    if (!root || Files.isDirectory(Path.of("/run/sshd"))) {
      return direct;
    }
    return List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
        "mount -t tmpfs tmpfs /run && mkdir -m 755 /run/sshd && exec \"$0\" \"$@\"",
        SSHD.toString(), "-D", "-e", "-f", config.toString());
  }

  /** The --rsh command for rsync and ssh: this port, this key, no known_hosts, never a prompt. */
  String rsh() {
    return "ssh -F /dev/null -p " + port + " -i " + clientKey
        + " -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no"
        + " -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR";
  }

  String user() {
    return System.getProperty("user.name");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  record Result(Optional<LoopbackSshd> sshd, String whyNot) {
    static Result skip(String why) {
      return new Result(Optional.empty(), why);
    }
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    }
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

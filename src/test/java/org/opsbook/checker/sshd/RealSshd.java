package org.opsbook.checker.sshd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the installed OpenSSH server in test mode only ({@code sshd -t}, {@code sshd -T}): it
 * never listens and never touches the host's own configuration. A throwaway host key lives in a
 * temporary directory the caller deletes.
 */
final class RealSshd {
  private final Path sshd;
  private final Path hostKey;

  private RealSshd(Path sshd, Path hostKey) {
    this.sshd = sshd;
    this.hostKey = hostKey;
  }

  /** The reason the real sshd cannot be used here, or {@code null} when it can. */
  static String unavailableReason() {
    if (findSshd() == null) {
      return "sshd is not installed (apt-get install openssh-server)";
    }
    if (findOnPath("ssh-keygen") == null) {
      return "ssh-keygen is not installed";
    }
    Path privsep = Path.of("/run/sshd");
    if (!Files.isDirectory(privsep)) {
      try {
        Files.createDirectories(privsep);
      } catch (IOException | SecurityException e) {
        return "sshd's privilege separation directory /run/sshd is missing and cannot be created: " + e.getMessage();
      }
    }
    return null;
  }

  static RealSshd start(Path tempDir) throws IOException, InterruptedException {
    Path key = tempDir.resolve("host_ed25519");
    Result r = run(List.of(findOnPath("ssh-keygen").toString(), "-q", "-t", "ed25519", "-N", "", "-f", key.toString()));
    if (r.exitCode() != 0) {
      throw new IOException("ssh-keygen failed: " + r.stderr());
    }
    return new RealSshd(findSshd(), key);
  }

  /** {@code sshd -t -f file -h key}. */
  Result test(Path config) throws IOException, InterruptedException {
    return run(List.of(sshd.toString(), "-t", "-f", config.toString(), "-h", hostKey.toString()));
  }

  /** {@code sshd -T -f file -h key -C spec}. */
  Result dump(Path config, String spec) throws IOException, InterruptedException {
    return run(List.of(sshd.toString(), "-T", "-f", config.toString(), "-h", hostKey.toString(), "-C", spec));
  }

  /**
   * The reason sshd cannot be run on a constructed /etc here, or {@code null} when it can: that
   * needs a private mount namespace (unshare -m), which needs root.
   */
  static String treesUnavailableReason() {
    Path unshare = findOnPath("unshare");
    if (unshare == null) {
      return "unshare is not installed (apt-get install util-linux)";
    }
    try {
      Result r = run(List.of(unshare.toString(), "-m", "sh", "-c", "mount --make-rprivate / && true"));
      return r.exitCode() == 0 ? null : "cannot make a private mount namespace (needs root): " + r.stderr().strip();
    } catch (IOException | InterruptedException e) {
      return "cannot run unshare: " + e.getMessage();
    }
  }

  /** {@code sshd -t} with {@code root}'s /etc/ssh (and /etc/passwd, /etc/group, if there) over the host's. */
  Result testTree(Path root) throws IOException, InterruptedException {
    return inTree(root, List.of("-t", "-f", "/etc/ssh/sshd_config", "-h", hostKey.toString()));
  }

  /** {@code sshd -T -C spec} on {@code root}'s files, as {@link #testTree}. */
  Result dumpTree(Path root, String spec) throws IOException, InterruptedException {
    return inTree(root, List.of("-T", "-f", "/etc/ssh/sshd_config", "-h", hostKey.toString(), "-C", spec));
  }

  /**
   * Runs sshd in a private mount namespace where the tree's files are bind-mounted over the
   * host's: the host's own /etc is never touched, and the namespace ends with the process.
   */
  private Result inTree(Path root, List<String> sshdArgs) throws IOException, InterruptedException {
    String script = "mount --make-rprivate / && mount --bind \"$0/etc/ssh\" /etc/ssh"
        + " && for f in passwd group; do if [ -f \"$0/etc/$f\" ]; then mount --bind \"$0/etc/$f\" /etc/$f; fi; done"
        + " && exec \"$@\"";
    List<String> command = new ArrayList<>(List.of(findOnPath("unshare").toString(), "-m", "sh", "-c", script,
        root.toAbsolutePath().toString(), sshd.toString()));
    command.addAll(sshdArgs);
    return run(command);
  }

  record Result(int exitCode, String stdout, String stderr) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(new ArrayList<>(command)).directory(Path.of("/").toFile()).start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
  }

  private static Path findSshd() {
    for (String candidate : List.of("/usr/sbin/sshd", "/usr/local/sbin/sshd")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    return findOnPath("sshd");
  }

  private static Path findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(":")) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}

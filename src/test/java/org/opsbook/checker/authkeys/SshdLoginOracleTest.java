package org.opsbook.checker.authkeys;

import org.opsbook.check.Findings;
import org.opsbook.check.Snippet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsbook.checker.authkeys.model.KeyLine;
import org.opsbook.checker.authkeys.sim.AccessEvaluator;
import org.opsbook.checker.authkeys.sim.Decision;
import org.opsbook.checker.authkeys.syntax.AuthorizedKeysParser;

/**
 * Differential test against a real sshd: a throwaway daemon on 127.0.0.1 (free port, temp host
 * key, temp authorized_keys, no PAM) and, for each option list, a real login with a fresh key.
 * Whether sshd lets the key in must match opsbook's decision for a client at 127.0.0.1, and when
 * it does, the "key options" sshd logs (forwarding flags, pty, user-rc, forced command) must match
 * opsbook's restrictions.
 */
@Tag("oracle")
class SshdLoginOracleTest {
  private static final String[] CASES = {
      "", "restrict", "RESTRICT", "restrict,pty", "pty,restrict", "no-pty",
      "no-port-forwarding,no-agent-forwarding,no-X11-forwarding,no-pty", "command=\"echo forced\"",
      "restrict,command=\"echo forced\"", "no-user-rc,x11-forwarding", "from=\"127.0.0.1\"",
      "from=\"127.0.0.0/8\"", "from=\"10.0.0.0/8\"", "from=\"!127.0.0.1,*\"", "from=\"127.0.0.*\"",
      "from=\"localhost\"", "from=\"127.0.0.1/33\"", "from=\"127.0.0.5/8\"", "from=\"::1,127.0.0.1\"",
      "from=\"10.0.0.0/8,127.0.0.1\"", "bogus", "no-pty ,restrict", "command=echo",
      "command=\"a\",command=\"b\"", "expiry-time=\"20200101\"", "expiry-time=\"20991231\"",
      "expiry-time=\"2099\"", "environment=\"FOO=bar\"", "environment=\"BAD-NAME=x\"",
      "permitopen=\"localhost:22\"", "permitopen=\"localhost\"", "permitopen=\"[::1]:*\"",
      "permitlisten=\"8080\"", "permitlisten=\"localhost:0\"", "tunnel=\"0\"", "tunnel=\"x\"",
      "restrict,port-forwarding,permitlisten=\"127.0.0.1:15900\",command=\"echo forced\"",
      "restrict,", "no-touch-required", "user-rc,restrict,user-rc", "from=\"127.0.0.1\",from=\"127.0.0.1\"",
      "command=\"echo \\\"quoted\\\"\"", "permitopen=\"a:1\",permitopen=\"b:2\"",
      "cert-authority", "principals=\"alice\"", "verify-required", "no-agent-forwarding,agent-forwarding",
      "from=\"127.0.0.1 \"", "from=\"\"", "Command=\"echo forced\"", "no-pty,", ",no-pty", "restrictx",
      "ptyx", "from=\"127.0.0.1\"x", "from=127.0.0.1", "expiry-time=\"209912312359\"",
      "expiry-time=\"20991231235959\"", "expiry-time=\"20991231Z\"", "expiry-time=\"20201231235959Z\"",
      "expiry-time=\"20991231utc\"", "expiry-time=\"20990431\"", "expiry-time=\"19700101\"",
      "expiry-time=\"20991301\"", "expiry-time=\"2099 101\"", "expiry-time=\"20991231235961\"",
      "tunnel=\"any\"", "permitlisten=\"*:8080\"", "permitopen=\"*:*\"", "permitopen=\"a:0\"",
      "environment=\"A=b\",environment=\"A=c\"", "no-touch-required,verify-required",
      "FROM=\"127.0.0.1\",NO-PTY", "from=\"127.0.0.1,!127.0.0.1\"", "from=\"*\"", "from=\"!10.0.0.1\"",
      "from=\"127.0.0.1/32\"", "from=\"0.0.0.0/0\"", "from=\"127.0.0.0/33\"", "from=\"127.1\"",
      "from=\"::ffff:127.0.0.1\"", "command=\"\"", "no-agent-forwarding,no-agent-forwarding", "x11-forwarding,restrict"};

  @Test
  void loginVerdictsAndRestrictionsAgreeWithARealSshd() throws Exception {
    Path sshd = Paths.get("/usr/sbin/sshd");
    Assumptions.assumeTrue(Files.isExecutable(sshd), "sshd (openssh-server) is not installed");
    Path dir = Files.createTempDirectory("opsbook-sshd-oracle");
    Process daemon = null;
    try {
      run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("hostkey").toString()));
      run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("userkey").toString()));
      String pub = Files.readString(dir.resolve("userkey.pub")).strip();
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
        port = s.getLocalPort();
      }
      Path keys = dir.resolve("authorized_keys");
      Files.writeString(keys, "");
      Files.writeString(dir.resolve("sshd_config"), String.join("\n",
          "ListenAddress 127.0.0.1:" + port, "HostKey " + dir.resolve("hostkey"), "AuthorizedKeysFile " + keys,
          "StrictModes no", "UsePAM no", "PidFile none", "PasswordAuthentication no",
          "KbdInteractiveAuthentication no", "PermitRootLogin prohibit-password", "LogLevel DEBUG1", ""));
      Path log = dir.resolve("sshd.log");
      daemon = new ProcessBuilder(sshd.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      Assumptions.assumeTrue(waitForPort(port, daemon), "sshd could not start on 127.0.0.1:" + port
          + " (needs /run/sshd when run as root): " + Files.readString(log));
      String user = System.getProperty("user.name");
      List<String> disagreements = new ArrayList<>();
      int agree = 0;
      for (String options : CASES) {
        String line = (options.isEmpty() ? "" : options + " ") + pub;
        Files.writeString(keys, line + "\n");
        long logStart = Files.size(log);
        Result login = run(List.of("ssh", "-F", "none", "-i", dir.resolve("userkey").toString(), "-p",
            String.valueOf(port), "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o",
            "UserKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR",
            user + "@127.0.0.1", "echo", "shell"));
        Thread.sleep(100);
        String sshdLog = Files.readString(log).substring((int) logStart);
        boolean sshdAllows = login.exit == 0;
        KeyLine key = AuthorizedKeysParser.parse(line + "\n", new Findings(Snippet.ofFile("authorized_keys", line + "\n", "k"))).keys().get(0);
        Decision d = AccessEvaluator.evaluate(key, "127.0.0.1", "127.0.0.1", LocalDateTime.now(ZoneOffset.UTC));
        String problem = null;
        if (sshdAllows != d.allowed()) {
          problem = "sshd " + (sshdAllows ? "allows" : "denies") + " the login, opsbook says "
              + (d.allowed() ? "allowed" : "denied (" + d.reason() + ")");
        } else if (sshdAllows) {
          Set<String> theirs = loggedFlags(sshdLog);
          Set<String> ours = new TreeSet<>();
          for (String f : List.of("agent-forwarding", "port-forwarding", "pty", "user-rc", "x11-forwarding")) {
            if ("yes".equals(d.settings().get(f))) {
              ours.add(f);
            }
          }
          if (d.settings().containsKey("command")) {
            ours.add("command");
            if (!login.out.strip().equals(commandOutput(d.settings().get("command")))) {
              problem = "forced command printed '" + login.out.strip() + "'";
            }
          }
          if (!theirs.equals(ours)) {
            problem = "sshd logs key options " + theirs + ", opsbook has " + ours;
          }
        }
        if (problem == null) {
          agree++;
        } else {
          disagreements.add("[" + options + "] " + problem);
        }
      }
      System.out.printf("sshd login oracle: %d of %d authorized_keys option lists agree%n", agree, CASES.length);
      assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
    } finally {
      if (daemon != null) {
        daemon.destroy();
        if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
          daemon.destroyForcibly();
        }
      }
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** What the test's forced commands print: the echo arguments, quotes removed by the shell. */
  private static String commandOutput(String command) {
    return command.replaceFirst("^echo ", "").replace("\"", "");
  }

  private static Set<String> loggedFlags(String log) {
    Set<String> flags = new TreeSet<>();
    for (String l : log.split("\n")) {
      int i = l.indexOf("key options:");
      if (i < 0) {
        continue;
      }
      flags.clear();
      // sshd prints "expires" without a leading blank, so it may stick to the previous word
      String rest = l.substring(i + "key options:".length()).replace("expires", " expires").strip();
      for (String f : rest.split("\\s+")) {
        if (!f.isEmpty() && !f.equals("expires")) {
          flags.add(f);
        }
      }
      flags.retainAll(Set.of("agent-forwarding", "port-forwarding", "pty", "user-rc", "x11-forwarding", "command"));
    }
    return flags;
  }

  private static boolean waitForPort(int port, Process daemon) throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      if (!daemon.isAlive()) {
        return false;
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return s.isConnected();
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    return false;
  }

  private record Result(int exit, String out) {}

  private static Result run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + cmd);
    }
    return new Result(p.exitValue(), out);
  }
}

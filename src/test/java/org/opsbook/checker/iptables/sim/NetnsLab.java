package org.opsbook.checker.iptables.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: a "host" network namespace with client namespaces joined to it by veth pairs, a
 * TCP/UDP listener inside the host, and probes that report how a connection ended. Everything
 * lives in namespaces this class creates, and {@link #close()} deletes them.
 */
public final class NetnsLab implements AutoCloseable {
  private static final String LISTENER = String.join("\n",
      "import socket, select, sys",
      "socks = []",
      "for spec in sys.argv[1:]:",
      "    proto, addr, port = spec.split(':')",
      "    kind = socket.SOCK_STREAM if proto == 'tcp' else socket.SOCK_DGRAM",
      "    s = socket.socket(socket.AF_INET, kind); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
      "    s.bind((addr, int(port)))",
      "    if proto == 'tcp': s.listen(16)",
      "    socks.append(s)",
      "print('ready', flush=True)",
      "while True:",
      "    for s in select.select(socks, [], [])[0]:",
      "        if s.type == socket.SOCK_STREAM:",
      "            c, _ = s.accept(); c.close()",
      "        else:",
      "            data, peer = s.recvfrom(2048); s.sendto(data, peer)");
  private static final String CLIENT = String.join("\n",
      "import socket, sys",
      "kind = socket.SOCK_STREAM if sys.argv[1] == 'tcp' else socket.SOCK_DGRAM",
      "s = socket.socket(socket.AF_INET, kind); s.settimeout(0.8); s.bind((sys.argv[2], 0))",
      "try:",
      "    s.connect((sys.argv[3], int(sys.argv[4])))",
      "    if kind == socket.SOCK_DGRAM:",
      "        s.send(b'probe'); s.recv(64)",
      "    print('ACCEPT')",
      "except ConnectionRefusedError:",
      "    print('REJECT')",
      "except OSError:",
      "    print('DROP')");

  private final String host;
  private final List<String> namespaces = new ArrayList<>();
  private final List<Process> listeners = new ArrayList<>();

  private NetnsLab(String host) {
    this.host = host;
    namespaces.add(host);
  }

  /** Why the lab cannot run here, or {@code null} when it can. */
  public static String unavailableReason() throws IOException, InterruptedException {
    if (run("iptables", "--version") != 0) {
      return "iptables is not installed";
    }
    if (run("python3", "--version") != 0) {
      return "python3 is needed for the listener and the probes";
    }
    String probe = "opsbook-t-p" + ProcessHandle.current().pid();
    boolean ok = run("ip", "netns", "add", probe) == 0;
    run("ip", "netns", "del", probe);
    return ok ? null : "cannot create network namespaces (needs root and iproute2)";
  }

  public static NetnsLab create(String tag) throws IOException, InterruptedException {
    NetnsLab lab = new NetnsLab("opsbook-t-" + tag + ProcessHandle.current().pid());
    require(run("ip", "netns", "add", lab.host), "ip netns add");
    require(run("ip", "-n", lab.host, "link", "set", "lo", "up"), "lo up");
    return lab;
  }

  /**
   * Adds a client namespace behind a veth pair.
   *
   * @param hostIface the interface name inside the host, as the rules name it
   * @param hostAddress host side address with prefix
   * @param clientAddresses client side addresses with prefix
   * @param clientGateway the client's default route, or {@code null}
   * @param hostRoutes networks the host reaches through this interface
   * @return the client namespace's name
   */
  public String addClient(String hostIface, String hostAddress, List<String> clientAddresses, String clientGateway, List<String> hostRoutes)
      throws IOException, InterruptedException {
    String client = host + "-" + namespaces.size();
    require(run("ip", "netns", "add", client), "ip netns add client");
    namespaces.add(client);
    require(run("ip", "link", "add", hostIface, "netns", host, "type", "veth", "peer", "name", "c0", "netns", client), "veth");
    require(run("ip", "-n", host, "addr", "add", hostAddress, "dev", hostIface), "host address");
    require(run("ip", "-n", host, "link", "set", hostIface, "up"), "host link");
    for (String a : clientAddresses) {
      require(run("ip", "-n", client, "addr", "add", a, "dev", "c0"), "client address");
    }
    require(run("ip", "-n", client, "link", "set", "c0", "up"), "client link");
    require(run("ip", "-n", client, "link", "set", "lo", "up"), "client lo");
    if (clientGateway != null) {
      require(run("ip", "-n", client, "route", "add", "default", "via", clientGateway), "client route");
    }
    for (String r : hostRoutes) {
      require(run("ip", "-n", host, "route", "add", r, "dev", hostIface), "host route");
    }
    return client;
  }

  /** Runs a shell command line inside the host namespace; returns its exit status. */
  public int inHost(String line) throws IOException, InterruptedException {
    return run("ip", "netns", "exec", host, "sh", "-c", line);
  }

  /** Starts the listener in the host on {@code proto:addr:port} sockets and waits until it is ready. */
  public void listen(List<String> sockets) throws IOException, InterruptedException {
    listenIn(host, sockets);
  }

  /** Starts a listener in any namespace of the lab (a server behind the host, for forwarding). */
  public void listenIn(String namespace, List<String> sockets) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", namespace, "python3", "-c", LISTENER));
    cmd.addAll(sockets);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    listeners.add(p);
    BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = in.readLine();
    if (!"ready".equals(line)) {
      throw new IllegalStateException("listener did not start: " + line);
    }
    Thread.sleep(1500); // let new addresses leave the tentative state
  }

  /** Runs a command line inside a client namespace; returns its exit status. */
  public int in(String namespace, String line) throws IOException, InterruptedException {
    return run("ip", "netns", "exec", namespace, "sh", "-c", line);
  }

  /** How a connection (TCP) or an echo exchange (UDP) from the client ends: ACCEPT, REJECT or DROP. */
  public String probe(String client, String proto, String source, String destination, int port) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ip", "netns", "exec", client, "python3", "-c", CLIENT, proto, source, destination, Integer.toString(port))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    p.waitFor(20, TimeUnit.SECONDS);
    return out;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    for (Process p : listeners) {
      p.destroyForcibly();
      p.waitFor(5, TimeUnit.SECONDS);
    }
    for (int i = namespaces.size() - 1; i >= 0; i--) {
      run("ip", "netns", "del", namespaces.get(i));
    }
  }

  private static void require(int rc, String what) {
    if (rc != 0) {
      throw new IllegalStateException("lab setup failed: " + what + " (status " + rc + ")");
    }
  }

  static int run(String... command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return -1;
    }
    p.getInputStream().readAllBytes();
    return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }
}

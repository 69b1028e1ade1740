package org.opsbook.maintenance.servers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opsbook.maintenance.MaintenanceBuilder;
import org.opsbook.maintenance.MaintenanceResult;
import org.opsbook.maintenance.SiteMarkdown;
import org.opsbook.maintenance.page.AllowEntryParser;
import org.opsbook.maintenance.page.MaintenancePage;
import org.opsbook.maintenance.page.MaintenancePageParser;
import org.opsbook.maintenance.support.Installed;
import org.opsbook.maintenance.support.Project;
import org.opsbook.maintenance.support.RawHttp;
import org.opsbook.maintenance.support.RawHttp.Response;
import org.opsbook.maintenance.support.ServerHarness;
import org.opsbook.maintenance.support.StubUpstream;
import org.opsbook.maintenance.support.Tools;

/**
 * Each server runs the generated config on a free 127.0.0.1 port in front of a stub application.
 * The public (source 127.0.0.1) gets 503 with the page byte for byte; an allow-listed admin
 * (source 127.0.0.2) and a request with the bypass cookie reach the application; so do the health
 * path and a pass-through path. Then maintenance is switched off the documented way and the
 * application answers everyone, and switched on again. Every server started is stopped.
 */
@Tag("oracle")
class LoopbackLiveTest {
  private static final String ADMIN = "127.0.0.2";
  private static final String PUBLIC = "127.0.0.1";

  @TempDir Path dir;

  /** How to start one server, and how its documented switch is operated. */
  private interface Switch {
    void set(boolean on) throws Exception;
  }

  @ParameterizedTest
  @ValueSource(strings = {"nginx", "apache2", "haproxy", "varnishd"})
  void servesThePageToThePublicAndTheSiteToAdmins(String server) throws Exception {
    Path binary = Tools.find(server).orElse(null);
    Assumptions.assumeTrue(binary != null, server + " is not installed (.ci/install-tools installs it)");
    try (StubUpstream upstream = new StubUpstream()) {
      int port = Tools.freePort();
      MaintenancePage source = MaintenancePageParser.parse("upgrade", "content/maintenance/upgrade.md",
          Files.readString(Project.root().resolve("content/maintenance/upgrade.md"))).page().orElseThrow();
      List<org.opsbook.maintenance.page.AllowEntry> allow = new ArrayList<>(source.allow());
      allow.add(AllowEntryParser.parse(ADMIN).entry().orElseThrow());
      MaintenancePage page = Installed.relocate(source.withAllow(allow), dir, port, upstream.port());
      MaintenanceResult result = new MaintenanceBuilder(Project.settings(), new SiteMarkdown()).build(page, List.of());
      Installed.write(result, page, dir, true);
      ServedPage served = new ServedPage(page, "", result.pageBytes());

      List<String> command = new ArrayList<>();
      Switch flip;
      switch (server) {
        case "nginx" -> {
          loopbackOnly(dir.resolve("nginx.conf"), "    listen " + port + ";", "    listen 127.0.0.1:" + port + ";");
          Path main = ServerHarness.nginxMain(dir, dir.resolve("nginx.conf"));
          command.addAll(List.of(binary.toString(), "-p", dir.toString(), "-c", main.toString()));
          flip = on -> flagFile(page, on);
        }
        case "apache2" -> {
          Assumptions.assumeTrue(Files.isDirectory(Path.of("/usr/lib/apache2/modules")), "Debian's apache2 modules are missing");
          Path main = ServerHarness.apacheMain(dir, dir.resolve("apache.conf"), port);
          command.addAll(List.of(binary.toString(), "-X", "-f", main.toString()));
          flip = on -> flagFile(page, on);
        }
        case "haproxy" -> {
          loopbackOnly(dir.resolve("haproxy.cfg"), "    bind :" + port + "\n", "    bind 127.0.0.1:" + port + "\n");
          Path socket = dir.resolve("admin.sock");
          Path config = ServerHarness.haproxyWithDefaults(dir, dir.resolve("haproxy.cfg"));
          Files.writeString(config, "global\n    stats socket " + socket + " level admin\n\n" + Files.readString(config));
          command.addAll(List.of(binary.toString(), "-db", "-f", config.toString()));
          flip = on -> haproxyMap(socket, HaproxyConfig.switchMap(page.server()), on);
        }
        default -> {
          command.addAll(List.of(binary.toString(), "-F", "-n", dir.resolve("varnish-work").toString(), "-a", "127.0.0.1:" + port,
              "-f", dir.resolve("varnish.vcl").toString(), "-s", "malloc,32m", "-T", "127.0.0.1:0"));
          flip = on -> flagFile(page, on);
        }
      }
      Path log = dir.resolve(server + ".log");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        try {
          RawHttp.awaitListening(port, process, 30_000);
        } catch (IOException e) {
          throw new AssertionError(server + " did not start: " + e.getMessage() + "\n" + Files.readString(log));
        }
        scenario(port, served, result.files().get("index.html"), flip, log);
      } finally {
        stop(process);
      }
    }
  }

  private static void scenario(int port, ServedPage served, byte[] page, Switch flip, Path log) throws Exception {
    Response refused = RawHttp.get(PUBLIC, port, "/");
    assertEquals(503, refused.status(), () -> refused.headers() + "\n" + refused.text() + "\n" + read(log));
    assertEquals("1800", refused.header("Retry-After"));
    assertEquals("no-store", refused.header("Cache-Control"));
    assertTrue(String.valueOf(refused.header("Content-Type")).startsWith("text/html"), () -> "headers: " + refused.headers());
    assertTrue(String.valueOf(refused.header("Content-Security-Policy")).startsWith("default-src 'none'; style-src 'sha256-"),
        () -> "headers: " + refused.headers());
    assertArrayEquals(page, refused.body(), "the page, byte for byte");
    assertEquals(503, RawHttp.get(PUBLIC, port, "/checkout/cart?item=3").status());
    assertEquals(503, RawHttp.get(PUBLIC, port, "/", "Cookie: " + ServedPage.COOKIE + "=forged").status());

    Response admin = RawHttp.get(ADMIN, port, "/account");
    assertEquals(200, admin.status(), () -> "allow-listed admin: " + admin.headers() + "\n" + read(log));
    assertEquals("upstream /account", admin.text());

    Response bypass = RawHttp.get(PUBLIC, port, served.bypassPath().orElseThrow());
    assertEquals(302, bypass.status(), () -> "secret URL: " + bypass.headers());
    assertTrue(bypass.header("Location").endsWith("/"), bypass.header("Location"));
    String cookie = bypass.header("Set-Cookie");
    assertEquals(served.setCookie().orElseThrow(), cookie);
    Response withCookie = RawHttp.get(PUBLIC, port, "/admin", "Cookie: theme=dark; " + cookie.substring(0, cookie.indexOf(';')));
    assertEquals(200, withCookie.status());
    assertEquals("upstream /admin", withCookie.text());

    Response health = RawHttp.get(PUBLIC, port, "/healthz");
    assertEquals(200, health.status());
    assertEquals("upstream /healthz", health.text());
    assertEquals("upstream /api/webhooks/payment", RawHttp.get(PUBLIC, port, "/api/webhooks/payment").text());

    flip.set(false);
    Response open = RawHttp.get(PUBLIC, port, "/");
    assertEquals(200, open.status(), open::text);
    assertEquals("upstream /", open.text());

    flip.set(true);
    assertEquals(503, RawHttp.get(PUBLIC, port, "/").status(), "switched on again without a reload");
  }

  private static void flagFile(MaintenancePage page, boolean on) throws IOException {
    Path flag = Path.of(page.server().flagFile());
    if (on) {
      Files.writeString(flag, "");
    } else {
      Files.delete(flag);
    }
  }

  /** The documented HAProxy switch: {@code set map FILE maintenance on|off} on the runtime API. */
  private static void haproxyMap(Path socket, String map, boolean on) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      channel.write(ByteBuffer.wrap(("set map " + map + " maintenance " + (on ? "on" : "off") + "\n").getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer reply = ByteBuffer.allocate(4096);
      channel.read(reply);
      String text = new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII).strip();
      assertTrue(text.isEmpty(), "runtime API said: " + text);
    }
  }

  /** The generated configs listen on every address; the test binds to loopback only. */
  private static void loopbackOnly(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertTrue(text.contains(from), file + " lacks " + from);
    Files.writeString(file, text.replace(from, to));
  }

  private static void stop(Process process) throws InterruptedException {
    List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
    for (ProcessHandle child : children) {
      child.destroy();
      child.onExit().orTimeout(5, TimeUnit.SECONDS);
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log)";
    }
  }

}
